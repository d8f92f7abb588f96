import { applyRedactions, normalizeRedactions, parseEventDetail, previewOf } from './views';

describe('redactions', () => {
  const body = '我的电话是13800001234，周六见。';
  it('accepts spans inside the text that do not overlap, sorted', () => {
    expect(normalizeRedactions(body, [{ start: 15, end: 19 }, { start: 5, end: 16 - 1 }])).toEqual([
      { start: 5, end: 15 },
      { start: 15, end: 19 },
    ]);
  });
  it('refuses spans past the end, empty or overlapping', () => {
    expect(normalizeRedactions(body, [{ start: 0, end: body.length + 1 }])).toBeNull();
    expect(normalizeRedactions(body, [{ start: 3, end: 3 }])).toBeNull();
    expect(normalizeRedactions(body, [{ start: 0, end: 6 }, { start: 5, end: 8 }])).toBeNull();
  });
  it('replaces each passage with ■■■, whatever its length', () => {
    expect(applyRedactions(body, [{ start: 5, end: 16 }, { start: 17, end: 20 }])).toBe('我的电话是■■■，■■■。');
    expect(applyRedactions(body, [])).toBe(body);
  });
});

describe('event details', () => {
  it('keeps well-formed findings and redactions and ignores the rest', () => {
    const detail = parseEventDetail(
      JSON.stringify({
        findings: [{ category: 'phone', start: 5, end: 16, excerpt: '13800001234' }, { kind: 'place', excerpt: '县城' }, { category: 'nope', start: 0, end: 1, excerpt: 'x' }],
        contentSecurity: 'risky',
        redactions: [{ start: 1, end: 2 }, { start: 'a' }],
      }),
    );
    expect(detail).toEqual({
      findings: [{ category: 'phone', start: 5, end: 16, excerpt: '13800001234' }],
      contentSecurity: 'risky',
      redactions: [{ start: 1, end: 2 }],
      care: false,
    });
    expect(parseEventDetail('not json')).toEqual({ findings: [], contentSecurity: null, redactions: [], care: false });
    expect(parseEventDetail(JSON.stringify({ findings: [], care: true })).care).toBe(true);
    expect(parseEventDetail(JSON.stringify({ care: 'yes' })).care).toBe(false);
    expect(parseEventDetail(null).findings).toEqual([]);
  });
});

it('previews a letter on one line, cut at 80 characters', () => {
  expect(previewOf('你好\n\n  世界')).toBe('你好 世界');
  expect(previewOf('字'.repeat(100))).toBe(`${'字'.repeat(80)}…`);
});
