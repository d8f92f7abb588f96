/**
 * Letter screening: finds what child-safeguarding letter policies forbid — contact details in any
 * form, requests for personal details, secrecy, private channels, meetings, money and gifts outside
 * the programme — so a letter can be held for staff review. Pure and synchronous; see docs/SCREENING.md.
 */
import { foldText, toOriginal } from '../text/fold';
import { type Finding, SCREENING_CATEGORIES, type ScreeningCategory, type ScreeningResult } from './types';
import { type Hit } from './hit';
import { closeUpSpacing } from './spacing';
import { foldVariants } from './variants';
import { digitRuns } from './digits';
import { findApps } from './apps';
import { findPhones } from './phone';
import { findIdentity } from './identity';
import { findSocialIds } from './social';
import { findEmails, findUrls } from './web';
import { findAddresses } from './address';
import { findSchools } from './school';
import { findPersonalRequests } from './requests';
import { findPrivateChannels } from './channel';
import { findSecrecy } from './secrecy';
import { findMeetings } from './meeting';
import { findMoney } from './money';
import { readerView } from './context';

export { findingMessage, type ScreeningLocale } from './messages';
export * from './types';

/**
 * When two categories claim the same passage, the more specific one wins: an e-mail address is not
 * also a URL, a handle or an address; an ID or bank-card number is not also a phone number; an account
 * number next to an app name is an account.
 */
const SUPERSEDED_BY: Partial<Record<ScreeningCategory, ScreeningCategory[]>> = {
  url: ['email'],
  social_id: ['email'],
  address: ['email', 'url'],
  phone: ['id_number', 'bank_card', 'social_id'],
  bank_card: ['social_id'],
};
/** "加我微信 xiaoyu_2009": the account is the finding; the invitation next to it adds nothing. */
const CHANNEL_NEAR_CONTACT = 24;
const CONTACT: ScreeningCategory[] = ['phone', 'social_id', 'email', 'url'];
const CATEGORY_ORDER = Object.fromEntries(SCREENING_CATEGORIES.map((c, i) => [c, i])) as Record<ScreeningCategory, number>;

/** Sorts hits and merges overlapping (or touching) ones into disjoint spans. */
function union(hits: readonly Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Hit[] = [];
  for (const h of sorted) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ ...h });
  }
  return merged;
}

/** Whether any of the disjoint, sorted `spans` overlaps [start, end). */
function touchesAny(spans: readonly Hit[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo].start < end;
}

export function screenText(text: string): ScreeningResult {
  const n = closeUpSpacing(foldVariants(foldText(text)));
  const runs = digitRuns(n);
  const apps = findApps(n);
  // the rules that read intent see the reader's kinship word ("姐姐可以打给我妈妈吗") as 你
  const view = readerView(n.lower);
  const intent = view === n.lower ? n : { ...n, lower: view };

  const hits: Hit[] = [
    ...findPhones(n, runs),
    ...findIdentity(n, runs),
    ...findSocialIds(n, runs, apps),
    ...findEmails(n),
    ...findUrls(n),
    ...findAddresses(n),
    ...findSchools(n),
    ...findPersonalRequests(intent, apps),
    ...findPrivateChannels(intent, apps),
    ...findSecrecy(intent),
    ...findMeetings(intent),
    ...findMoney(intent, apps),
  ];

  const byCategory = new Map<ScreeningCategory, Hit[]>();
  for (const h of hits) {
    const list = byCategory.get(h.category);
    if (list) list.push(h);
    else byCategory.set(h.category, [h]);
  }
  const spansOf = new Map([...byCategory].map(([category, list]) => [category, union(list)]));
  const contact = union(hits.filter((h) => CONTACT.includes(h.category)));

  const merged: Hit[] = [];
  for (const [category, list] of byCategory) {
    const kept = list.filter((h) => {
      if ((SUPERSEDED_BY[category] ?? []).some((c) => touchesAny(spansOf.get(c) ?? [], h.start, h.end))) return false;
      return category !== 'private_channel' || !touchesAny(contact, h.start - CHANNEL_NEAR_CONTACT, h.end + CHANNEL_NEAR_CONTACT);
    });
    merged.push(...(kept.length === list.length ? (spansOf.get(category) ?? []) : union(kept)));
  }

  const findings: Finding[] = merged
    .map((h) => {
      let { start, end } = toOriginal(n, h.start, h.end);
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      return { category: h.category, start, end, excerpt: text.slice(start, end) };
    })
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || a.end - b.end || CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category]);

  return { verdict: findings.length > 0 ? 'hold' : 'pass', findings };
}
