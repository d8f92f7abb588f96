import Taro from '@tarojs/taro';
import { buildUrl } from '@/lib/api-client';
import { currentPlatform } from '@/lib/platform';

export type StatementFormat = 'pdf' | 'csv';

/** The CSV cannot be shown inside this mini-program (no file viewer or sharing for it). */
export class NotOpenableHere extends Error {}

/** A browser saves it (the server says `attachment`); the page stays where it is. */
function downloadInBrowser(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

async function downloadInMiniProgram(url: string, format: StatementFormat, year: number) {
  const file = await Taro.downloadFile({ url });
  if (file.statusCode !== 200) throw new Error(`statement download answered ${file.statusCode}`);
  if (format === 'pdf') {
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'pdf', showMenu: true });
    return;
  }
  // WeChat can hand the file to a chat (and from there to the computer); other platforms cannot.
  if (typeof Taro.shareFileMessage !== 'function') throw new NotOpenableHere();
  await Taro.shareFileMessage({ filePath: file.tempFilePath, fileName: `banxue-statement-${year}.csv` });
}

/** Opens a signed statement link (`/api/statements/<token>`) the way the platform can. */
export async function openStatementFile(path: string, format: StatementFormat, year: number): Promise<void> {
  const url = buildUrl(path);
  if (currentPlatform() === 'h5') downloadInBrowser(url);
  else await downloadInMiniProgram(url, format, year);
}
