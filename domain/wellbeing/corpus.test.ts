import { assessAll, headline, LOOKALIKE_KINDS, mistakes, reportTable, type LabelledText } from './evaluation';
import { WELLBEING_CATEGORIES } from './types';
import tuningTexts from './corpus/tuning.json';
import heldOut1Texts from './corpus/held-out.json';
import heldOut2Texts from './corpus/held-out-2.json';
import authorProbes from './corpus/author-probes.json';

/**
 * Sets of student texts written from one brief (docs/WELLBEING.md, "Figures"):
 *  - `tuning`: written by another person; the rules were corrected against it from the start;
 *  - `held-out-1` (corpus/held-out.json): written by an independent writer, sealed in round 1, run once
 *    (73.6% urgent, 78.4% concern); it was opened after that run and TUNED ON IN ROUND 2, so its figures
 *    are now an upper bound like the tuning set's;
 *  - `held-out-2` (corpus/held-out-2.json): written by a second independent writer, sealed in round 2 and
 *    run once (88.3% urgent, 81.3% concern, 1/130 false alerts); it was opened after that run and TUNED
 *    ON IN ROUND 3 ("held-out batch 2, tuned on in round 3"): now an upper bound too;
 *  - `author probes`: batches the rule authors wrote (1–7 in round 2, 8–12 in round 3), each run once
 *    before the rules were corrected for it (first-run figures in the docs), then tuned on;
 *  - `held-out-3` (corpus/held-out-3.json): written by a third independent writer while round 3 was being
 *    tuned, SEALED: loaded only inside its own block, which prints aggregate figures only — never an id,
 *    a text or a miss — so nobody tunes on it by accident. Its first run is the honest figure.
 *
 * Floors: on the sets tuned on, the goals (urgent recall ≥ 95%, concern recall ≥ 80%, false alerts on
 * look-alikes ≤ 10%); on held-out-3, just below what its first and only run measured, so a regression
 * fails. Run one block with `-t tuning`, `-t held-out-1`, `-t held-out-2`, `-t "author probes"` or
 * `-t held-out-3`.
 */
interface Shape {
  perCategory: number;
  perKind: Record<(typeof LOOKALIKE_KINDS)[number], number>;
}

function expectShape(items: readonly LabelledText[], shape: Shape) {
  const ids = items.map((t) => t.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of WELLBEING_CATEGORIES) expect(items.filter((t) => t.label === c)).toHaveLength(shape.perCategory);
  for (const kind of LOOKALIKE_KINDS) expect(items.filter((t) => t.label === 'none' && t.lookalike === kind)).toHaveLength(shape.perKind[kind]);
  expect(items.filter((t) => t.label === 'none' && !LOOKALIKE_KINDS.includes(t.lookalike as never))).toHaveLength(0);
}

function assessAndPrint(name: string, items: readonly LabelledText[]) {
  const assessed = assessAll(items);
  console.log(`Wellbeing, ${name} (${items.length} texts)\n\n${reportTable(assessed)}`);
  return assessed;
}

/** Goals, asserted on every set the rules were tuned on; every miss and false alert is printed. */
function expectGoals(name: string, items: readonly LabelledText[]) {
  const assessed = assessAndPrint(name, items);
  const wrong = mistakes(assessed);
  if (wrong.length) console.log(`Assessed wrongly (${name}):\n${wrong.join('\n')}`);
  const figures = headline(assessed);
  expect(figures.urgentRecall).toBeGreaterThanOrEqual(0.95);
  expect(figures.concernRecall).toBeGreaterThanOrEqual(0.8);
  expect(figures.lookalikeFalseAlertRate).toBeLessThanOrEqual(0.1);
}

describe('wellbeing corpus', () => {
  it('tuning set: shape, figures, every miss and false alert, and the goals as floors', () => {
    const items = tuningTexts as LabelledText[];
    expectShape(items, {
      perCategory: 24,
      perKind: { idiom: 30, literature: 16, grief: 16, safety_lesson: 17, games_sports: 17, family_ok: 18, mild_sad: 18, ordinary: 18 },
    });
    expectGoals('tuning set', items);
  });

  it('held-out-1 (held-out batch 1, tuned on in round 2): shape, figures, every miss, and the goals as floors', () => {
    const items = heldOut1Texts as LabelledText[];
    expectShape(items, {
      perCategory: 22,
      perKind: { idiom: 28, literature: 15, grief: 15, safety_lesson: 16, games_sports: 16, family_ok: 17, mild_sad: 17, ordinary: 16 },
    });
    expectGoals('held-out batch 1 (tuned on in round 2)', items);
  });

  it('held-out-2 (held-out batch 2, tuned on in round 3): shape, figures, every miss, and the goals as floors', () => {
    const items = heldOut2Texts as LabelledText[];
    expect(items.every((t) => t.id.startsWith('wh2-'))).toBe(true);
    expectShape(items, {
      perCategory: 24,
      perKind: { idiom: 30, literature: 15, grief: 16, safety_lesson: 16, games_sports: 17, family_ok: 18, mild_sad: 18, ordinary: 20 },
    });
    expectGoals('held-out batch 2 (tuned on in round 3)', items);
  });

  it('author probes (rounds 2 and 3, tuned on): figures, every miss, and the goals as floors', () => {
    const items = authorProbes as LabelledText[];
    expect(new Set(items.map((t) => t.id)).size).toBe(items.length);
    expectGoals('author probes', items);
  });

  it('held-out-3 (sealed): shape and aggregate figures only, with floors just below its first run', async () => {
    const items = (await import('./corpus/held-out-3.json')).default as LabelledText[];
    expect(items).toHaveLength(366);
    expect(new Set(items.map((t) => t.id)).size).toBe(items.length);
    expect(items.every((t) => t.id.startsWith('wh3-'))).toBe(true);
    expect(items.every((t) => t.label === 'none' || WELLBEING_CATEGORIES.includes(t.label))).toBe(true);
    expect(items.every((t) => t.label !== 'none' || LOOKALIKE_KINDS.includes(t.lookalike as never))).toBe(true);
    const figures = headline(assessAndPrint('held-out batch 3 (sealed)', items));
    // its first and only run (docs/WELLBEING.md): urgent 102/120, concern 80/96, false alerts 0/132 look-alikes
    expect(figures.urgentRecall).toBeGreaterThanOrEqual(0.84);
    expect(figures.concernRecall).toBeGreaterThanOrEqual(0.83);
    expect(figures.lookalikeFalseAlertRate).toBeLessThanOrEqual(0.01);
  });
});
