/**
 * The last answer to each GET that came with an entity tag, so the next request for it can say
 * `If-None-Match` and a 304 costs neither the server's work nor the bytes on a slow network. Only the
 * server decides whether the copy still holds (its tags name the caller, language and version), so
 * a copy is never shown in place of a fresh answer. In memory only: it goes when the app does.
 */
const MAX_ENTRIES = 40;

interface Kept {
  etag: string;
  data: unknown;
}

const kept = new Map<string, Kept>();

export function keptAnswer(url: string): Kept | undefined {
  return kept.get(url);
}

export function keepAnswer(url: string, etag: string | undefined, data: unknown): void {
  kept.delete(url);
  if (!etag) return;
  kept.set(url, { etag, data });
  if (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value as string);
}

export function forgetKeptAnswers(): void {
  kept.clear();
}
