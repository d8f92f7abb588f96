import {
  assertTransition,
  canBeRepliedTo,
  canTransition,
  IllegalLetterTransition,
  isVisibleToReader,
  isWithdrawable,
  LETTER_STATUSES,
  type LetterActor,
  type LetterStatus,
} from './letters';

const ACTORS: LetterActor[] = ['writer', 'reader', 'staff', 'system'];

const LEGAL: [LetterStatus, LetterStatus, LetterActor][] = [
  ['draft', 'submitted', 'writer'],
  ['submitted', 'screened', 'system'],
  ['screened', 'delivered', 'system'],
  ['screened', 'held', 'system'],
  ['held', 'approved', 'staff'],
  ['held', 'returned', 'staff'],
  ['held', 'submitted', 'writer'],
  ['held', 'withdrawn', 'writer'],
  ['approved', 'delivered', 'system'],
  ['returned', 'submitted', 'writer'],
  ['returned', 'withdrawn', 'writer'],
  ['delivered', 'read', 'reader'],
  ['read', 'replied', 'reader'],
];

describe('letter lifecycle', () => {
  it.each(LEGAL)('allows %s → %s by the %s', (from, to, actor) => {
    expect(canTransition(from, to, actor)).toBe(true);
    expect(() => assertTransition(from, to, actor)).not.toThrow();
  });

  it('refuses every other move, by anyone', () => {
    const legal = new Set(LEGAL.map((move) => move.join(' ')));
    let refused = 0;
    for (const from of LETTER_STATUSES) {
      for (const to of LETTER_STATUSES) {
        for (const actor of ACTORS) {
          if (legal.has(`${from} ${to} ${actor}`)) continue;
          expect(canTransition(from, to, actor)).toBe(false);
          expect(() => assertTransition(from, to, actor)).toThrow(IllegalLetterTransition);
          refused += 1;
        }
      }
    }
    expect(refused).toBe(LETTER_STATUSES.length ** 2 * ACTORS.length - LEGAL.length);
  });

  it('never lets a held letter skip review or a writer approve their own letter', () => {
    expect(canTransition('held', 'delivered', 'system')).toBe(false);
    expect(canTransition('held', 'approved', 'writer')).toBe(false);
    expect(canTransition('submitted', 'delivered', 'system')).toBe(false);
    expect(canTransition('returned', 'delivered', 'staff')).toBe(false);
  });

  it('shows a letter to its reader only from delivery on, and lets them answer it', () => {
    expect(LETTER_STATUSES.filter(isVisibleToReader)).toEqual(['delivered', 'read', 'replied']);
    expect(LETTER_STATUSES.filter(canBeRepliedTo)).toEqual(['delivered', 'read']);
  });

  it('lets the writer take a letter back only before it is delivered, and never bring a withdrawn one back', () => {
    expect(LETTER_STATUSES.filter(isWithdrawable)).toEqual(['held', 'returned']);
    for (const to of LETTER_STATUSES) for (const actor of ACTORS) expect(canTransition('withdrawn', to, actor)).toBe(false);
  });
});
