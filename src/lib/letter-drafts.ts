import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { newIdempotencyKey } from '@/lib/idempotency';
import { STORAGE_KEYS, taroJSONStorage } from '@/lib/storage';

/** What a draft answers: a new letter in a sponsorship, a reply to a letter, or a returned letter edited. */
export type DraftTarget =
  | { kind: 'new'; sponsorshipId: string }
  | { kind: 'reply'; letterId: string }
  | { kind: 'resubmit'; letterId: string };

export interface DraftPhoto {
  /** Local identity of the photo in this draft. */
  key: string;
  /** Where the thumbnail comes from: the picked file, or the letter's signed URL when editing. */
  src: string;
  /** The server's id once uploaded. */
  id: string | null;
  status: 'uploading' | 'done' | 'failed';
}

export interface LetterDraft {
  body: string;
  photos: DraftPhoto[];
  /**
   * Made when the writer first taps Send and kept until the letter is accepted, so a retry after a
   * lost answer cannot send the letter twice. Editing the draft makes it a new send (a new key).
   */
  idempotencyKey: string | null;
  updatedAt: number;
}

/** Drafts kept on the device; older ones beyond this are dropped. */
const MAX_DRAFTS = 20;

export const EMPTY_DRAFT: LetterDraft = { body: '', photos: [], idempotencyKey: null, updatedAt: 0 };

/** Drafts are stored under their owner's account id, so another account on the device never sees them. */
export function draftKey(target: DraftTarget, accountId: string | null | undefined): string {
  const id = target.kind === 'new' ? target.sponsorshipId : target.letterId;
  return `${accountId ?? 'anonymous'}:${target.kind}:${id}`;
}

function isOwnedBy(key: string, accountId: string): boolean {
  return key.startsWith(`${accountId}:`);
}

export function isDraftEmpty(draft: LetterDraft | undefined): boolean {
  return !draft || (draft.body.trim() === '' && draft.photos.length === 0);
}

interface DraftState {
  drafts: Record<string, LetterDraft>;
  /** Creates the draft if missing, e.g. prefilled with a returned letter's text. */
  ensure: (key: string, initial?: Partial<Pick<LetterDraft, 'body' | 'photos'>>) => void;
  setBody: (key: string, body: string) => void;
  addPhotos: (key: string, photos: DraftPhoto[]) => void;
  updatePhoto: (key: string, photoKey: string, patch: Partial<DraftPhoto>) => void;
  removePhoto: (key: string, photoKey: string) => void;
  /** The key for sending this draft: made on the first tap of Send, the same on every retry. */
  sendKey: (key: string) => string;
  clear: (key: string) => void;
  /** Someone signed in: their drafts stay, anyone else's are deleted. */
  keepOnlyOwnedBy: (accountId: string) => void;
  /** Logout. The session layer decides what each way of leaving keeps, as it does for the outbox. */
  clearAll: () => void;
}

function pruned(drafts: Record<string, LetterDraft>): Record<string, LetterDraft> {
  const entries = Object.entries(drafts);
  if (entries.length <= MAX_DRAFTS) return drafts;
  return Object.fromEntries(entries.sort((a, b) => b[1].updatedAt - a[1].updatedAt).slice(0, MAX_DRAFTS));
}

export const useLetterDraftStore = create<DraftState>()(
  persist(
    (set, get) => {
      const change = (key: string, update: (draft: LetterDraft) => LetterDraft) =>
        set((state) => ({
          drafts: pruned({ ...state.drafts, [key]: { ...update(state.drafts[key] ?? EMPTY_DRAFT), updatedAt: Date.now() } }),
        }));
      return {
        drafts: {},
        ensure: (key, initial) => {
          if (get().drafts[key]) return;
          change(key, (draft) => ({ ...draft, ...initial }));
        },
        setBody: (key, body) =>
          change(key, (draft) => (draft.body === body ? draft : { ...draft, body, idempotencyKey: null })),
        addPhotos: (key, photos) =>
          change(key, (draft) => ({ ...draft, photos: [...draft.photos, ...photos], idempotencyKey: null })),
        updatePhoto: (key, photoKey, patch) => {
          // The photo may have been removed (or the draft sent) while it was uploading.
          if (!get().drafts[key]?.photos.some((photo) => photo.key === photoKey)) return;
          change(key, (draft) => ({
            ...draft,
            photos: draft.photos.map((photo) => (photo.key === photoKey ? { ...photo, ...patch } : photo)),
          }));
        },
        removePhoto: (key, photoKey) =>
          change(key, (draft) => ({
            ...draft,
            photos: draft.photos.filter((photo) => photo.key !== photoKey),
            idempotencyKey: null,
          })),
        sendKey: (key) => {
          const existing = get().drafts[key]?.idempotencyKey;
          if (existing) return existing;
          const fresh = newIdempotencyKey();
          change(key, (draft) => ({ ...draft, idempotencyKey: fresh }));
          return fresh;
        },
        clear: (key) =>
          set((state) => ({ drafts: Object.fromEntries(Object.entries(state.drafts).filter(([k]) => k !== key)) })),
        keepOnlyOwnedBy: (accountId) =>
          set((state) => ({
            drafts: Object.fromEntries(Object.entries(state.drafts).filter(([key]) => isOwnedBy(key, accountId))),
          })),
        clearAll: () => set({ drafts: {} }),
      };
    },
    {
      name: STORAGE_KEYS.letterDrafts,
      storage: taroJSONStorage,
      version: 1,
      // A photo still uploading when the page closed did not make it; only uploaded ones are kept.
      partialize: (state) => ({
        drafts: Object.fromEntries(
          Object.entries(state.drafts).map(([key, draft]) => [
            key,
            { ...draft, photos: draft.photos.filter((photo) => photo.status === 'done' && photo.id) },
          ]),
        ),
      }),
    },
  ),
);

/** How many letters this account has started on the device and not sent (what a logout would delete). */
export function useLetterDraftCount(accountId: string | null | undefined): number {
  return useLetterDraftStore((state) =>
    accountId
      ? Object.entries(state.drafts).filter(([key, draft]) => isOwnedBy(key, accountId) && !isDraftEmpty(draft)).length
      : 0,
  );
}
