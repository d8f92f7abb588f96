/**
 * Letter screening: finds contact details, money requests and meeting plans in a letter so it can be
 * held for staff review. Pure and synchronous; see docs/SCREENING.md.
 */
import { type Finding, type ScreeningCategory, type ScreeningResult } from './types';
import { type Hit } from './hit';
import { digitRuns, normalize, toOriginal } from './normalize';
import { findPhones } from './phone';
import { findIdentity } from './identity';
import { findSocialIds } from './social';
import { findEmails, findUrls } from './web';
import { findAddresses } from './address';
import { findSchools } from './school';
import { findMoney } from './money';
import { findMeetings } from './meeting';

export { findingMessage, type ScreeningLocale } from './messages';
export * from './types';

/**
 * When two categories claim the same passage, the more specific one wins: an e-mail address is not
 * also a URL or a QQ account; an ID or bank-card number is not also a phone number.
 */
const SUPERSEDED_BY: Partial<Record<ScreeningCategory, ScreeningCategory[]>> = {
  url: ['email'],
  social_id: ['email'],
  phone: ['id_number', 'bank_card', 'social_id'],
};

function overlaps(a: Hit, b: Hit): boolean {
  return a.start < b.end && b.start < a.end;
}

export function screenText(text: string): ScreeningResult {
  const n = normalize(text);
  const runs = digitRuns(n);

  const contact: Hit[] = [
    ...findPhones(n, runs),
    ...findIdentity(n, runs),
    ...findSocialIds(n, runs),
    ...findEmails(n),
    ...findUrls(n),
    ...findAddresses(n),
    ...findSchools(n),
  ];
  const hits: Hit[] = [...contact, ...findMoney(n), ...findMeetings(n, { contactSpans: contact })];

  const kept = hits.filter(
    (h) => !(SUPERSEDED_BY[h.category] ?? []).some((c) => hits.some((o) => o.category === c && overlaps(h, o))),
  );

  // merge overlapping (or touching) hits of the same category
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Hit[] = [];
  for (const h of kept) {
    const same = merged.find((m) => m.category === h.category && h.start <= m.end && m.start <= h.end);
    if (same) {
      same.start = Math.min(same.start, h.start);
      same.end = Math.max(same.end, h.end);
    } else merged.push({ ...h });
  }

  const findings: Finding[] = merged
    .map((h) => {
      let { start, end } = toOriginal(n, h.start, h.end);
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      return { category: h.category, start, end, excerpt: text.slice(start, end) };
    })
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);

  return { verdict: findings.length > 0 ? 'hold' : 'pass', findings };
}
