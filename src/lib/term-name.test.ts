import { translate } from './i18n';
import { termName } from './term-name';

const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en-US', key, params);

describe('termName', () => {
  it('says the school year and which term, in both languages', () => {
    expect(termName(zh, '2025-2026-2')).toBe('2025–2026 学年第二学期');
    expect(termName(zh, '2025-2026-1')).toBe('2025–2026 学年第一学期');
    expect(termName(en, '2025-2026-2')).toBe('Spring term 2026 (2025–2026, term 2)');
    expect(termName(en, '2025-2026-1')).toBe('Autumn term 2025 (2025–2026, term 1)');
    expect(termName(en, '2099-2100-1')).toBe('Autumn term 2099 (2099–2100, term 1)');
  });

  it('reads the older season form the same way, and leaves anything else alone', () => {
    expect(termName(zh, '2026-spring')).toBe('2025–2026 学年第二学期');
    expect(termName(en, '2025-autumn')).toBe('Autumn term 2025 (2025–2026, term 1)');
    expect(termName(zh, '期中')).toBe('期中');
  });
});
