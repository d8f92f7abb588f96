import { formatAmountPerCadence, formatDate, formatGrade, formatPlace, formatRelative, formatYuan } from './format';
import { translate, type Locale } from './i18n';

const tFor = (locale: Locale) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate(locale, key, params);

describe('format', () => {
  it('turns integer fen into yuan', () => {
    expect(formatYuan(30000)).toBe('¥300');
    expect(formatYuan(12345)).toBe('¥123.45');
    expect(formatYuan(120000050)).toBe('¥1,200,000.50');
    expect(formatYuan(5)).toBe('¥0.05');
  });

  it('says the amount per cadence', () => {
    expect(formatAmountPerCadence(tFor('zh-CN'), 50000, 'monthly')).toBe('每月 ¥500');
    expect(formatAmountPerCadence(tFor('en-US'), 150000, 'quarterly')).toBe('¥1,500 a quarter');
  });

  it('shows dates in Asia/Shanghai, whatever the device time zone', () => {
    // 18:30 UTC on 1 December is already 2 December in China.
    expect(formatDate('2026-12-01T18:30:00Z', 'zh-CN')).toBe('2026年12月2日');
    expect(formatDate('2026-12-01T18:30:00Z', 'en-US')).toBe('Dec 2, 2026');
  });

  it('says how long ago, in the chosen language', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(formatRelative('2026-11-26T12:00:00Z', 'zh-CN', now)).toBe('3 天前');
    expect(formatRelative('2026-11-26T12:00:00Z', 'en-US', now)).toBe('3 days ago');
  });

  it('names grades the way people do', () => {
    expect(formatGrade('zh-CN', 8, 'middle')).toBe('初中二年级');
    expect(formatGrade('zh-CN', 12, 'high')).toBe('高中三年级');
    expect(formatGrade('en-US', 11, 'high')).toBe('Senior 2');
    expect(formatGrade('en-US', 4, 'primary')).toBe('Primary 4');
    // A grade that does not fit the stage is named by its own stage rather than as "year -7".
    expect(formatGrade('en-US', 2, 'high')).toBe('Primary 2');
    expect(formatGrade('zh-CN', 11)).toBe('高中二年级');
  });

  it('shows province and city, once when they are the same', () => {
    expect(formatPlace(tFor('zh-CN'), '四川', '凉山')).toBe('四川·凉山');
    expect(formatPlace(tFor('en-US'), 'Sichuan', 'Liangshan')).toBe('Liangshan, Sichuan');
    expect(formatPlace(tFor('zh-CN'), '重庆', '重庆')).toBe('重庆');
  });
});
