import { mistakes, reportTable, recall, falseHoldRate, screenAll, tally, type LabelledLetter } from './evaluation';
import firstZh from './corpus/letters.zh.json';
import firstEn from './corpus/letters.en.json';
import tuningZh from './corpus/tuning.zh.json';
import tuningEn from './corpus/tuning.en.json';
import heldOutZh from './corpus/held-out.zh.json';
import heldOutEn from './corpus/held-out.en.json';
import { SCREENING_CATEGORIES } from './types';

/**
 * Three batches (docs/SCREENING.md): the first corpus and the tuning batch, which rules were written
 * against, and the held-out batch, which no rule was ever tuned on. Only totals of the held-out batch
 * are printed, never its letters, so nobody tunes on it by accident.
 */
const batches = {
  first: screenAll([...firstZh, ...firstEn] as LabelledLetter[]),
  tuning: screenAll([...tuningZh, ...tuningEn] as LabelledLetter[]),
  heldOut: screenAll([...heldOutZh, ...heldOutEn] as LabelledLetter[]),
};

describe('screening corpus', () => {
  it('has every category in every batch, with at least 20 letters to hold and 20 clean look-alikes each in the new batches', () => {
    for (const [name, screened] of Object.entries(batches)) {
      const ids = screened.map((s) => s.letter.id);
      expect(new Set(ids).size).toBe(ids.length);
      if (name === 'first') continue;
      for (const c of SCREENING_CATEGORIES) {
        expect(tally(screened, (l) => l.label === c).hazards).toBeGreaterThanOrEqual(20);
        expect(tally(screened, (l) => l.label === 'clean' && l.focus === c).clean).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('prints the figures of each batch (and the mistakes of the batches rules were written against)', () => {
    for (const [name, screened] of Object.entries(batches)) {
      console.log(`Screening, ${name} batch (${screened.length} letters)\n\n${reportTable(screened, SCREENING_CATEGORIES)}`);
      if (name !== 'heldOut') {
        const wrong = mistakes(screened);
        if (wrong.length) console.log(`Screened wrongly (${name}):\n${wrong.join('\n')}`);
      }
    }
  });
});
