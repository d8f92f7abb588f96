import type { DraftTarget } from '@/lib/letter-drafts';

/** The compose page's query (`?sponsorshipId=` | `?replyTo=` | `?resubmit=`) as what the letter answers. */
export function composeTargetFromParams(params: Record<string, string | undefined>): DraftTarget | null {
  const value = (name: string) => {
    const raw = params[name];
    if (!raw) return undefined;
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  };
  const resubmit = value('resubmit');
  if (resubmit) return { kind: 'resubmit', letterId: resubmit };
  const replyTo = value('replyTo');
  if (replyTo) return { kind: 'reply', letterId: replyTo };
  const sponsorshipId = value('sponsorshipId');
  if (sponsorshipId) return { kind: 'new', sponsorshipId };
  return null;
}
