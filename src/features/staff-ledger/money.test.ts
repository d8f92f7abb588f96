import { checkDate, parseYuan } from './money';

describe('parseYuan', () => {
  it.each([
    ['300', 30000],
    ['1,200.5', 120050],
    ['¥86.40', 8640],
    ['０.０１', 1],
    [' 1000000 ', 100_000_000],
  ])('%s → %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ fen });
  });

  it.each([
    ['', 'required'],
    ['abc', 'format'],
    ['1.234', 'format'],
    ['-5', 'format'],
    ['0', 'zero'],
    ['0.00', 'zero'],
    ['1000000.01', 'tooLarge'],
  ])('%s is refused (%s)', (input, error) => {
    expect(parseYuan(input)).toEqual({ error });
  });
});

describe('dates', () => {
  it('takes real past dates and refuses the rest', () => {
    expect(checkDate('2026-11-3', '2026-12-01')).toEqual({ date: '2026-11-03' });
    expect(checkDate('2026/12/01', '2026-12-01')).toEqual({ date: '2026-12-01' });
    expect(checkDate('', '2026-12-01')).toEqual({ error: 'required' });
    expect(checkDate('2026-02-30', '2026-12-01')).toEqual({ error: 'format' });
    expect(checkDate('next week', '2026-12-01')).toEqual({ error: 'format' });
    expect(checkDate('2026-12-02', '2026-12-01')).toEqual({ error: 'future' });
  });
});
