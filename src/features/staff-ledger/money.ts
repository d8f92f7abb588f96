import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { MAX_AMOUNT_FEN } from '@/features/ledger';

dayjs.extend(utc);

export type AmountError = 'required' | 'format' | 'zero' | 'tooLarge';
export type DateError = 'required' | 'format' | 'future';

/** Full-width digits and points (typed with a Chinese keyboard) as ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Yuan as a person types it ("300", "1,200.5", "¥86.40") to integer fen, without floating point:
 * "1200.5" → 120050. At most two decimals; more than zero; at most ¥1,000,000.
 */
export function parseYuan(input: string): { fen: number } | { error: AmountError } {
  const text = halfWidth(input).trim().replace(/^[¥￥]\s*/, '').replace(/[,，\s]/g, '');
  if (text === '') return { error: 'required' };
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return { error: 'format' };
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (fen <= 0) return { error: 'zero' };
  if (fen > MAX_AMOUNT_FEN) return { error: 'tooLarge' };
  return { fen };
}

/** A calendar date written YYYY-MM-DD that exists and is not after `today`. */
export function checkDate(input: string, today: string): { date: string } | { error: DateError } {
  const text = halfWidth(input).trim().replace(/\//g, '-');
  if (text === '') return { error: 'required' };
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return { error: 'format' };
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const parsed = dayjs.utc(date);
  if (!parsed.isValid() || parsed.format('YYYY-MM-DD') !== date) return { error: 'format' };
  if (date > today) return { error: 'future' };
  return { date };
}
