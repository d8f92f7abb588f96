import { copyText } from '@/features/privacy';
import { saveJsonFile, type SavedJson } from '@/lib/save-json';
import type { SponsorDataExport } from './api';

export function exportFileName(data: Pick<SponsorDataExport, 'exportedAt'>): string {
  return `banxue-my-data-${data.exportedAt.slice(0, 10)}.json`;
}

/** The export as a JSON file: downloaded in the browser, copied (after the privacy step) in a mini-program. */
export function saveExport(data: SponsorDataExport): Promise<SavedJson> {
  return saveJsonFile(exportFileName(data), data, copyText);
}
