import fc from 'fast-check';
import { retryDelayMs, trimToLimit, trimWechatFields } from '../messaging';

describe('platform field limits', () => {
  it('keeps a value within its limit as it is, collapsing whitespace', () => {
    expect(trimToLimit('阿依的伙伴机构正在联系她', 20)).toBe('阿依的伙伴机构正在联系她');
    expect(trimToLimit('  a \n\t b  ', 20)).toBe('a b');
    expect(trimToLimit('12345', 5)).toBe('12345');
  });

  it('cuts by characters (code points), so a Chinese character or an emoji counts once, ending with …', () => {
    expect(trimToLimit('一二三四五六', 5)).toBe('一二三四…');
    expect(trimToLimit('😀'.repeat(6), 5)).toBe('😀😀😀😀…');
    expect(trimToLimit('ab', 1)).toBe('…');
  });

  it('never returns more characters than the limit, nor cuts a value that fits (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 32 }), (value, max) => {
        const trimmed = trimToLimit(value, max);
        const normalized = Array.from(value.replace(/\s+/g, ' ').trim());
        expect(Array.from(trimmed).length).toBeLessThanOrEqual(max);
        if (normalized.length <= max) expect(trimmed).toBe(normalized.join(''));
        else expect(trimmed.endsWith('…')).toBe(true);
      }),
    );
  });

  it('trims each WeChat subscribe-message field by the kind its key names', () => {
    expect(
      trimWechatFields({ thing1: '一'.repeat(25), phrase2: '正在联系中', phrase3: '已经重新联系上了', time4: '2027年1月19日 10:00', number5: '1'.repeat(40), custom6: 'x'.repeat(25) }),
    ).toEqual({
      thing1: { value: `${'一'.repeat(19)}…` },
      phrase2: { value: '正在联系中' },
      phrase3: { value: '已经重新…' },
      time4: { value: '2027年1月19日 10:00' },
      number5: { value: `${'1'.repeat(31)}…` },
      custom6: { value: `${'x'.repeat(19)}…` },
    });
  });
});

describe('retries', () => {
  it('waits 1, 2, 4, 8… minutes, never more than 6 hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(0)).toBe(60_000);
    expect(retryDelayMs(9)).toBe(256 * 60_000);
    expect(retryDelayMs(10)).toBe(6 * 3_600_000);
    expect(retryDelayMs(50)).toBe(6 * 3_600_000);
  });
});
