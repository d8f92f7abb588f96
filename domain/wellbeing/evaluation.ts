/**
 * Measuring the wellbeing assessment on a labelled set of student texts (docs/WELLBEING.md, "Figures").
 * Each text is labelled with the one category it discloses, or `none` with the kind of look-alike it is.
 * A text labelled with an urgent category is caught only when it is assessed `urgent` (a concern would
 * leave a life-or-abuse disclosure waiting a day); a concern-labelled text is caught when assessed
 * `concern` or `urgent`. It is caught *as labelled* when one of its findings has its category.
 */
import { assessWellbeing } from './index';
import { CATEGORY_LEVEL, WELLBEING_CATEGORIES, type WellbeingCategory, type WellbeingLevel } from './types';

export const LOOKALIKE_KINDS = [
  'idiom',
  'literature',
  'grief',
  'safety_lesson',
  'games_sports',
  'family_ok',
  'mild_sad',
  'ordinary',
] as const;

export interface LabelledText {
  id: string;
  lang: 'zh' | 'en';
  script: 'hans' | 'hant' | 'latin';
  source: 'letter' | 'reply' | 'checkin' | 'term_report';
  label: WellbeingCategory | 'none';
  lookalike?: string;
  text: string;
}

export interface Assessed {
  item: LabelledText;
  level: WellbeingLevel;
  categories: Set<WellbeingCategory>;
}

export function assessAll(items: readonly LabelledText[]): Assessed[] {
  return items.map((item) => {
    const result = assessWellbeing(item.text, item.lang);
    return { item, level: result.level, categories: new Set(result.findings.map((f) => f.category)) };
  });
}

export function isCaught(a: Assessed): boolean {
  if (a.item.label === 'none') return false;
  return CATEGORY_LEVEL[a.item.label] === 'urgent' ? a.level === 'urgent' : a.level !== 'none';
}

export function isFalseAlert(a: Assessed): boolean {
  return a.item.label === 'none' && a.level !== 'none';
}

export interface Tally {
  disclosures: number;
  caught: number;
  asLabelled: number;
  /** concern-labelled texts assessed urgent (caught, but louder than needed). */
  escalated: number;
  none: number;
  falseAlerts: number;
  falseUrgent: number;
}

export function tally(assessed: readonly Assessed[], filter: (t: LabelledText) => boolean = () => true): Tally {
  const t: Tally = { disclosures: 0, caught: 0, asLabelled: 0, escalated: 0, none: 0, falseAlerts: 0, falseUrgent: 0 };
  for (const a of assessed) {
    const { label } = a.item;
    if (!filter(a.item)) continue;
    if (label === 'none') {
      t.none++;
      if (isFalseAlert(a)) t.falseAlerts++;
      if (a.level === 'urgent') t.falseUrgent++;
      continue;
    }
    t.disclosures++;
    if (isCaught(a)) t.caught++;
    if (a.categories.has(label)) t.asLabelled++;
    if (CATEGORY_LEVEL[label] === 'concern' && a.level === 'urgent') t.escalated++;
  }
  return t;
}

export const rate = (num: number, den: number) => (den === 0 ? 1 : num / den);
const pct = (num: number, den: number) => (den === 0 ? '—' : `${((100 * num) / den).toFixed(1)}%`);
const frac = (num: number, den: number) => `${num}/${den} (${pct(num, den)})`;

/** The figures a floor can be asserted on. */
export function headline(assessed: readonly Assessed[]) {
  const urgent = tally(assessed, (t) => t.label !== 'none' && CATEGORY_LEVEL[t.label] === 'urgent');
  const concern = tally(assessed, (t) => t.label !== 'none' && CATEGORY_LEVEL[t.label] === 'concern');
  const all = tally(assessed);
  const lookalikes = tally(assessed, (t) => t.label === 'none' && t.lookalike !== undefined && t.lookalike !== 'ordinary');
  return {
    urgentRecall: rate(urgent.caught, urgent.disclosures),
    concernRecall: rate(concern.caught, concern.disclosures),
    asLabelled: rate(all.asLabelled, all.disclosures),
    falseAlertRate: rate(all.falseAlerts, all.none),
    lookalikeFalseAlertRate: rate(lookalikes.falseAlerts, lookalikes.none),
  };
}

/**
 * Markdown: a row per category (disclosures) and per look-alike kind (texts that must stay `none`),
 * then totals by level, by language and for traditional script.
 */
export function reportTable(assessed: readonly Assessed[]): string {
  const rows = [
    '| label | texts (zh/en) | caught | as labelled | false alerts (urgent) |',
    '|---|---|---|---|---|',
  ];
  const count = (filter: (t: LabelledText) => boolean) => {
    const all = tally(assessed, filter);
    const zh = tally(assessed, (t) => filter(t) && t.lang === 'zh');
    return { all, zh };
  };
  for (const c of WELLBEING_CATEGORIES) {
    const { all, zh } = count((t) => t.label === c);
    if (all.disclosures === 0) continue;
    rows.push(
      `| ${c} (${CATEGORY_LEVEL[c]}) | ${all.disclosures} (${zh.disclosures}/${all.disclosures - zh.disclosures}) | ${frac(all.caught, all.disclosures)} | ${frac(all.asLabelled, all.disclosures)} | |`,
    );
  }
  const kinds = [...new Set(assessed.filter((a) => a.item.label === 'none').map((a) => a.item.lookalike ?? '(none given)'))];
  kinds.sort((a, b) => LOOKALIKE_KINDS.indexOf(a as never) - LOOKALIKE_KINDS.indexOf(b as never));
  for (const k of kinds) {
    const { all, zh } = count((t) => t.label === 'none' && (t.lookalike ?? '(none given)') === k);
    rows.push(`| none: ${k} | ${all.none} (${zh.none}/${all.none - zh.none}) | | | ${frac(all.falseAlerts, all.none)} (${all.falseUrgent}) |`);
  }
  for (const level of ['urgent', 'concern'] as const) {
    const t = tally(assessed, (x) => x.label !== 'none' && CATEGORY_LEVEL[x.label] === level);
    rows.push(`| **all ${level}** | ${t.disclosures} | ${frac(t.caught, t.disclosures)} | ${frac(t.asLabelled, t.disclosures)} | |`);
  }
  const lookalikes = tally(assessed, (t) => t.label === 'none' && t.lookalike !== 'ordinary');
  const none = tally(assessed, (t) => t.label === 'none');
  rows.push(`| **all look-alikes** (not \`ordinary\`) | ${lookalikes.none} | | | ${frac(lookalikes.falseAlerts, lookalikes.none)} (${lookalikes.falseUrgent}) |`);
  rows.push(`| **all none** | ${none.none} | | | ${frac(none.falseAlerts, none.none)} (${none.falseUrgent}) |`);

  const slice = (name: string, filter: (t: LabelledText) => boolean) => {
    const urgent = tally(assessed, (t) => filter(t) && t.label !== 'none' && CATEGORY_LEVEL[t.label] === 'urgent');
    const concern = tally(assessed, (t) => filter(t) && t.label !== 'none' && CATEGORY_LEVEL[t.label] === 'concern');
    const none = tally(assessed, (t) => filter(t) && t.label === 'none');
    return `| ${name} | ${frac(urgent.caught, urgent.disclosures)} | ${frac(concern.caught, concern.disclosures)} | ${frac(urgent.asLabelled + concern.asLabelled, urgent.disclosures + concern.disclosures)} | ${frac(none.falseAlerts, none.none)} |`;
  };
  rows.push(
    '',
    '| slice | urgent caught | concern caught | as labelled | false alerts |',
    '|---|---|---|---|---|',
    slice('zh', (t) => t.lang === 'zh'),
    slice('zh traditional', (t) => t.script === 'hant'),
    slice('en', (t) => t.lang === 'en'),
    slice('all', () => true),
  );
  const all = tally(assessed);
  rows.push('', `Concern-labelled texts assessed urgent: ${all.escalated}.`);
  return rows.join('\n');
}

/** The texts assessed wrongly (missed, caught under another category, or a false alert), one line each. */
export function mistakes(assessed: readonly Assessed[]): string[] {
  const describe = (a: Assessed) => `${a.level}${a.categories.size ? ` [${[...a.categories].join(',')}]` : ''}`;
  const line = (a: Assessed, what: string) => `${what} ${a.item.id} (${a.item.label === 'none' ? `none/${a.item.lookalike ?? '?'}` : a.item.label}) → ${describe(a)}: ${a.item.text.replace(/\n/g, ' ⏎ ')}`;
  const out: string[] = [];
  for (const a of assessed) {
    if (isFalseAlert(a)) out.push(line(a, 'FALSE'));
    else if (a.item.label !== 'none' && !isCaught(a)) out.push(line(a, 'MISS'));
    else if (a.item.label !== 'none' && !a.categories.has(a.item.label)) out.push(line(a, 'OTHER'));
  }
  return out;
}
