import { falseHoldRate, mistakes, recall, reportTable, screenAll, tally, type LabelledLetter, type Screened } from './evaluation';
import { SCREENING_CATEGORIES } from './types';
import firstZh from './corpus/letters.zh.json';
import firstEn from './corpus/letters.en.json';
import tuningZh from './corpus/tuning.zh.json';
import tuningEn from './corpus/tuning.en.json';
import heldOut1Zh from './corpus/held-out.zh.json';
import heldOut1En from './corpus/held-out.en.json';

/**
 * Four batches (docs/SCREENING.md, "Batches and figures"):
 *
 * - the first corpus, the tuning batch and held-out batch 1 are tuning material: the rules were written
 *   against the first two in round 1, and against all three in round 2 (held-out batch 1 was sealed
 *   until its one run in round 1, and tuned on in round 2). Their blocks print their tables and their
 *   mistakes, and assert the goals: ≥ 98% of the letters to hold held, ≤ 3% of the clean letters held.
 * - held-out batch 2 is sealed: written independently, never read, never tuned on. Its block runs only
 *   with SCREENING_SEALED=1 (`npm test`, and so CI, sets it; see docs/SCREENING.md, "Reproduce"), loads the letters only
 *   inside the block, prints aggregate figures only — never an id, a text or a miss — and asserts floors
 *   just below its one measured run, so a regression fails.
 *
 * Run one batch with `-t first`, `-t tuning`, `-t "held-out batch 1"`, or `-t "held-out batch 2"` (with
 * SCREENING_SEALED=1). Put the test path BEFORE `--selectProjects`: after `--`, Jest reads `-t` as a
 * path pattern and runs every block.
 */
const GOAL_HELD = 0.98;
const GOAL_FALSE_HOLDS = 0.03;

interface Shape {
  letters: number;
  /** Letters to hold per category, and clean look-alikes per focus. */
  perCategory: { zh: number; en: number };
}

function expectShape(letters: readonly LabelledLetter[], shape: Shape) {
  expect(letters).toHaveLength(shape.letters);
  const ids = letters.map((l) => l.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of SCREENING_CATEGORIES) {
    for (const lang of ['zh', 'en'] as const) {
      expect(letters.filter((l) => l.label === c && l.lang === lang)).toHaveLength(shape.perCategory[lang]);
    }
    expect(letters.filter((l) => l.label === 'clean' && l.focus === c)).toHaveLength(shape.perCategory.zh + shape.perCategory.en);
  }
  expect(letters.filter((l) => l.label !== 'clean' && !SCREENING_CATEGORIES.includes(l.label as never))).toHaveLength(0);
}

function screenAndPrint(name: string, letters: readonly LabelledLetter[], { showMistakes }: { showMistakes: boolean }): Screened[] {
  const screened = screenAll(letters);
  console.log(`Screening, ${name} (${letters.length} letters)\n\n${reportTable(screened, SCREENING_CATEGORIES)}`);
  if (showMistakes) {
    const wrong = mistakes(screened);
    if (wrong.length) console.log(`Screened wrongly (${name}):\n${wrong.join('\n')}`);
  }
  return screened;
}

/** The goals, overall and in each language. */
function expectGoals(screened: readonly Screened[]) {
  for (const lang of [undefined, 'zh', 'en'] as const) {
    const t = tally(screened, (l) => lang === undefined || l.lang === lang);
    expect(recall(t)).toBeGreaterThanOrEqual(GOAL_HELD);
    expect(falseHoldRate(t)).toBeLessThanOrEqual(GOAL_FALSE_HOLDS);
  }
}

describe('screening corpus', () => {
  it('first corpus: meets the goals and prints its mistakes', () => {
    const screened = screenAndPrint('first corpus', [...firstZh, ...firstEn] as LabelledLetter[], { showMistakes: true });
    const totals = tally(screened);
    expect(totals.hazards).toBe(190);
    expect(totals.clean).toBe(190);
    expectGoals(screened);
  });

  it('tuning batch: has 24 letters to hold (14 zh, 10 en) and 24 clean look-alikes per category', () => {
    expectShape([...tuningZh, ...tuningEn] as LabelledLetter[], { letters: 624, perCategory: { zh: 14, en: 10 } });
  });

  it('tuning batch: meets the goals and prints its mistakes', () => {
    expectGoals(screenAndPrint('tuning batch', [...tuningZh, ...tuningEn] as LabelledLetter[], { showMistakes: true }));
  });

  it('held-out batch 1 (tuned on in round 2): has 22 letters to hold (12 zh, 10 en) and 22 clean look-alikes per category', () => {
    expectShape([...heldOut1Zh, ...heldOut1En] as LabelledLetter[], { letters: 572, perCategory: { zh: 12, en: 10 } });
  });

  it('held-out batch 1 (tuned on in round 2): meets the goals and prints its mistakes', () => {
    expectGoals(screenAndPrint('held-out batch 1, tuned on in round 2', [...heldOut1Zh, ...heldOut1En] as LabelledLetter[], { showMistakes: true }));
  });
});

/** Sealed: runs only with SCREENING_SEALED=1, and reads its letters only inside the block. */
const sealed = process.env.SCREENING_SEALED === '1' ? describe : describe.skip;

sealed('screening corpus, sealed', () => {
  // a computed path: the type checker never opens the sealed files, only this block at run time does
  const sealedFile = (lang: 'zh' | 'en') => `./corpus/held-out-2.${lang}.json`;
  const load = async () => {
    const [zh, en] = await Promise.all([import(sealedFile('zh')), import(sealedFile('en'))]);
    return { zh: zh.default as LabelledLetter[], en: en.default as LabelledLetter[] };
  };

  it('held-out batch 2 (sealed): 312 Chinese and 260 English letters, labelled with known categories', async () => {
    const { zh, en } = await load();
    // (numbers and booleans only: a failing expectation must never print a letter)
    expect(zh.length).toBe(312);
    expect(en.length).toBe(260);
    const letters = [...zh, ...en];
    expect(new Set(letters.map((l) => l.id)).size).toBe(letters.length);
    expect(zh.every((l) => l.id.startsWith('h2-zh-') && l.lang === 'zh')).toBe(true);
    expect(en.every((l) => l.id.startsWith('h2-en-') && l.lang === 'en')).toBe(true);
    expect(letters.every((l) => l.label === 'clean' || SCREENING_CATEGORIES.includes(l.label as never))).toBe(true);
  });

  it('held-out batch 2 (sealed): aggregate figures only, above floors just below its one measured run', async () => {
    const { zh, en } = await load();
    const screened = screenAndPrint('held-out batch 2, sealed', [...zh, ...en], { showMistakes: false });
    // measured in its one run (docs/SCREENING.md, "Round 2: held-out batch 2, sealed"): held 251/286
    // (zh 145/156, en 106/130), clean letters held 7/286 (zh 2/156, en 5/130); floors one letter below
    const floors = [
      { lang: undefined, held: 250, falseHolds: 8 },
      { lang: 'zh', held: 144, falseHolds: 3 },
      { lang: 'en', held: 105, falseHolds: 6 },
    ];
    for (const floor of floors) {
      const t = tally(screened, (l) => floor.lang === undefined || l.lang === floor.lang);
      expect(t.caught).toBeGreaterThanOrEqual(floor.held);
      expect(t.falseHolds).toBeLessThanOrEqual(floor.falseHolds);
    }
  });
});
