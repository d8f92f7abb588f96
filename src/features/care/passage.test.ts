import { passagePieces } from './passage';

const finding = (start: number, end: number, category: 'suicidal' | 'hopelessness' = 'suicidal') => ({
  category,
  level: category === 'suicidal' ? ('urgent' as const) : ('concern' as const),
  start,
  end,
  excerpt: '',
});

describe('passagePieces', () => {
  it('cuts the text at each finding and keeps every character', () => {
    const pieces = passagePieces('最近很累，不想活了，每天晚上都哭。', [finding(5, 9)]);
    expect(pieces.map((p) => [p.text, p.findings.length])).toEqual([
      ['最近很累，', 0],
      ['不想活了', 1],
      ['，每天晚上都哭。', 0],
    ]);
  });

  it('applies overlapping findings to the piece they share, and ignores empty or out-of-range ones', () => {
    const pieces = passagePieces('abcdef', [finding(1, 4), finding(3, 99, 'hopelessness'), finding(5, 5), finding(-3, -1)]);
    expect(pieces.map((p) => [p.text, p.findings.map((f) => f.category)])).toEqual([
      ['a', []],
      ['bc', ['suicidal']],
      ['d', ['suicidal', 'hopelessness']],
      ['ef', ['hopelessness']],
    ]);
  });

  it('gives the text alone when nothing is marked', () => {
    expect(passagePieces('今天很好', [])).toEqual([{ text: '今天很好', findings: [] }]);
    expect(passagePieces('', [finding(0, 2)])).toEqual([]);
  });
});
