import fc from 'fast-check';
import { screenText } from './index';

/** Pieces that make rules fire, mixed into arbitrary text: findings must still point into the original. */
const TRIGGERS = [
  '微信', '薇 信', 'wei xin', 'V信：', 'QQ ', '扣扣', '抖音上叫“', 'my IG is @', '电话', '號碼是', 'call me',
  '138', '0013', '8000', '一三八', '壹參玖', 'one three', 'yao ba', '510123200805061234', '6222 0202',
  '@', ' at ', 'qq.com', '艾特', '点com', 'dot com', 'www.', 'https://',
  '路', '23号', '村', '三组', '镇', '街88號', '5栋2单元', 'Road', 'Village, Group 3',
  '中学', '一中', '第三中學', 'No. 1 Middle School', '学号', '身份证', '卡号', 'IBAN GB29 ',
  '你家住在哪', '哪个村', 'your address?', '私聊', '加我', '視訊', 'chat on WeChat', '别告诉社工', "don't tell the NGO",
  '只有我们俩知道', '见个面', '住我家', '带你去', 'pick you up', '转给我', '给你发个红包', '借我', 'send you some money',
  '！', '。', '？', '\n', '，', ' ',
];
/** Characters that move offsets: full-width forms, zero-width characters, traditional forms, emoji, keycaps. */
const AWKWARD = ['\u200b', '\u200d', '\ufeff', '\u00ad', '\u3000', '１', '３', '８', 'Ｑ', '＠', '．', '（', '）', '😀', '🌸', '1️⃣', '臺', '妳', '麼', '么', '參', '’'];

const letter = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TRIGGERS),
      fc.constantFrom(...AWKWARD),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('screenText: properties', () => {
  it('every finding is an exact, non-empty, in-bounds span of the original text, in order', () => {
    fc.assert(
      fc.property(letter, (text) => {
        const { verdict, findings } = screenText(text);
        expect(verdict).toBe(findings.length > 0 ? 'hold' : 'pass');
        let previous = { start: -1, end: -1 };
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.excerpt).toBe(text.slice(f.start, f.end));
          expect(f.start > previous.start || (f.start === previous.start && f.end >= previous.end)).toBe(true);
          previous = f;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same findings for the same text (no state leaks from one letter to the next)', () => {
    fc.assert(
      fc.property(letter, letter, (a, b) => {
        const first = screenText(a);
        screenText(b);
        expect(screenText(a)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
