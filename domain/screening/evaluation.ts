/**
 * Measuring screening on a labelled set of letters (see docs/SCREENING.md). Each letter is `clean` or
 * labelled with the one category it breaches; `focus` names the category a clean letter is a
 * look-alike for. A letter to hold is caught when it is held at all, and caught *as labelled* when
 * one of its findings has its category (that decides the message the writer reads).
 */
import { screenText } from './index';

export interface LabelledLetter {
  id: string;
  lang: 'zh' | 'en';
  script?: 'hans' | 'hant' | 'latin';
  role?: 'sponsor' | 'student';
  label: string;
  focus?: string;
  text: string;
}

export interface Screened {
  letter: LabelledLetter;
  held: boolean;
  categories: Set<string>;
}

export function screenAll(letters: readonly LabelledLetter[]): Screened[] {
  return letters.map((letter) => {
    const result = screenText(letter.text);
    return { letter, held: result.verdict === 'hold', categories: new Set(result.findings.map((f) => f.category)) };
  });
}

export interface Tally {
  hazards: number;
  caught: number;
  caughtAsLabelled: number;
  clean: number;
  falseHolds: number;
}

export function tally(screened: readonly Screened[], filter: (l: LabelledLetter) => boolean = () => true): Tally {
  const t: Tally = { hazards: 0, caught: 0, caughtAsLabelled: 0, clean: 0, falseHolds: 0 };
  for (const s of screened) {
    if (!filter(s.letter)) continue;
    if (s.letter.label === 'clean') {
      t.clean++;
      if (s.held) t.falseHolds++;
    } else {
      t.hazards++;
      if (s.held) t.caught++;
      if (s.categories.has(s.letter.label)) t.caughtAsLabelled++;
    }
  }
  return t;
}

const pct = (num: number, den: number) => (den === 0 ? '—' : `${((100 * num) / den).toFixed(1)}%`);
export const recall = (t: Tally) => (t.hazards === 0 ? 1 : t.caught / t.hazards);
export const falseHoldRate = (t: Tally) => (t.clean === 0 ? 0 : t.falseHolds / t.clean);

/** A Markdown table per category (hazard letters by label, clean letters by focus), then the totals. */
export function reportTable(screened: readonly Screened[], categories: readonly string[]): string {
  const rows = [
    '| category | to hold (zh/en) | held | held as labelled | held zh | held zh traditional | held en | clean look-alikes | false holds |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const held = (t: Tally) => (t.hazards === 0 ? '—' : `${t.caught}/${t.hazards}`);
  for (const c of categories) {
    const hazards = tally(screened, (l) => l.label === c);
    const zh = tally(screened, (l) => l.label === c && l.lang === 'zh');
    const hant = tally(screened, (l) => l.label === c && l.script === 'hant');
    const en = tally(screened, (l) => l.label === c && l.lang === 'en');
    const clean = tally(screened, (l) => l.label === 'clean' && l.focus === c);
    if (hazards.hazards === 0 && clean.clean === 0) continue;
    rows.push(
      `| ${c} | ${hazards.hazards} (${zh.hazards}/${en.hazards}) | ${hazards.caught} (${pct(hazards.caught, hazards.hazards)}) | ${hazards.caughtAsLabelled} (${pct(hazards.caughtAsLabelled, hazards.hazards)}) | ${held(zh)} | ${held(hant)} | ${held(en)} | ${clean.clean} | ${clean.falseHolds} (${pct(clean.falseHolds, clean.clean)}) |`,
    );
  }
  const all = tally(screened);
  const zh = tally(screened, (l) => l.lang === 'zh');
  const hant = tally(screened, (l) => l.script === 'hant');
  const en = tally(screened, (l) => l.lang === 'en');
  rows.push(
    `| **all** | ${all.hazards} | ${all.caught} (${pct(all.caught, all.hazards)}) | ${all.caughtAsLabelled} (${pct(all.caughtAsLabelled, all.hazards)}) | ${held(zh)} | ${held(hant)} | ${held(en)} | ${all.clean} | ${all.falseHolds} (${pct(all.falseHolds, all.clean)}) |`,
    '',
    `By language: zh held ${zh.caught}/${zh.hazards} (${pct(zh.caught, zh.hazards)}), false holds ${zh.falseHolds}/${zh.clean} (${pct(zh.falseHolds, zh.clean)}); ` +
      `of which traditional held ${hant.caught}/${hant.hazards} (${pct(hant.caught, hant.hazards)}), false holds ${hant.falseHolds}/${hant.clean} (${pct(hant.falseHolds, hant.clean)}); ` +
      `en held ${en.caught}/${en.hazards} (${pct(en.caught, en.hazards)}), false holds ${en.falseHolds}/${en.clean} (${pct(en.falseHolds, en.clean)}).`,
  );
  return rows.join('\n');
}

/** The letters screened wrongly, one line each, for batches rules may be tuned on. */
export function mistakes(screened: readonly Screened[]): string[] {
  return screened
    .filter((s) => (s.letter.label === 'clean' ? s.held : !s.held))
    .map((s) => `${s.letter.id} [${s.letter.label === 'clean' ? `clean/${s.letter.focus ?? '?'}` : s.letter.label}] ${s.held ? `held as ${[...s.categories].join(',')}` : 'passed'}: ${s.letter.text.replace(/\n/g, ' ')}`);
}
