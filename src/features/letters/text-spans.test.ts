import { mergeSpans, redactText, segmentText } from './text-spans';

describe('text spans', () => {
  it('cuts text at the marks, keeping every character once', () => {
    const text = 'abcdefghij';
    const segments = segmentText(text, [
      { start: 2, end: 4, tag: 'x' },
      { start: 3, end: 6, tag: 'y' },
    ]);
    expect(segments.map((s) => [s.text, s.marks.map((m) => m.tag).join()])).toEqual([
      ['ab', ''],
      ['c', 'x'],
      ['d', 'x,y'],
      ['ef', 'y'],
      ['ghij', ''],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('ignores spans outside the text or empty', () => {
    expect(segmentText('abc', [{ start: 5, end: 9 }, { start: 1, end: 1 }]).map((s) => s.text)).toEqual(['abc']);
    expect(segmentText('abc', [{ start: 1, end: 99 }]).map((s) => s.text)).toEqual(['a', 'bc']);
  });

  it('merges overlapping spans and redacts them as ■■■', () => {
    expect(mergeSpans([{ start: 5, end: 7 }, { start: 1, end: 3 }, { start: 2, end: 4 }], 10)).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 7 },
    ]);
    expect(redactText('0123456789', [{ start: 1, end: 3 }, { start: 2, end: 4 }, { start: 8, end: 10 }])).toBe('0■■■4567■■■');
  });
});
