import { currentPlatform } from '@/lib/platform';

export type SavedJson = { kind: 'downloaded'; file: string } | { kind: 'copied' } | { kind: 'declined' };

/**
 * Hands data to the person as a JSON file: a download in the browser; in a mini-program, which cannot
 * save an arbitrary file, the clipboard, through `copy` (WeChat counts the clipboard as a privacy
 * API, so the caller passes the privacy gate's copy, which may be declined).
 */
export async function saveJsonFile(file: string, data: unknown, copy: (text: string) => Promise<boolean>): Promise<SavedJson> {
  const json = JSON.stringify(data, null, 2);
  if (currentPlatform() !== 'h5') return (await copy(json)) ? { kind: 'copied' } : { kind: 'declined' };
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The object URL is only needed while the browser starts the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { kind: 'downloaded', file };
}
