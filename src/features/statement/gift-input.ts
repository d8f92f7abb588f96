import { checkDate, parseYuan } from '@/features/staff-ledger/money';
import { MAX_GIFT_FEN } from './limits';
import type { MessageKey } from '@/lib/i18n';
import type { NewGiftBody } from './api';

export interface GiftValues {
  amount: string;
  date: string;
  recipient: string;
  note: string;
}

export const RECIPIENT_MAX = 60;
export const NOTE_MAX = 200;

export type GiftProblems = Partial<Record<keyof GiftValues, { key: MessageKey; max?: number }>>;

/** The server's rules, checked before sending: a real date not after today, 0.01–100,000 yuan, a named recipient. */
export function checkGift(values: GiftValues, today: string): { body: NewGiftBody } | { problems: GiftProblems } {
  const problems: GiftProblems = {};
  const amount = parseYuan(values.amount);
  const date = checkDate(values.date, today);
  const recipient = values.recipient.trim();
  const note = values.note.trim();
  if ('error' in amount) problems.amount = { key: `statement.amountError.${amount.error}` };
  else if (amount.fen > MAX_GIFT_FEN) problems.amount = { key: 'statement.amountError.tooLarge' };
  if ('error' in date) problems.date = { key: `statement.dateError.${date.error}` };
  if (!recipient) problems.recipient = { key: 'statement.recipientRequired' };
  else if (recipient.length > RECIPIENT_MAX) problems.recipient = { key: 'statement.tooLong', max: RECIPIENT_MAX };
  if (note.length > NOTE_MAX) problems.note = { key: 'statement.tooLong', max: NOTE_MAX };
  if ('error' in amount || 'error' in date || Object.keys(problems).length > 0) return { problems };
  return { body: { givenOn: date.date, amountFen: amount.fen, recipient, ...(note ? { note } : {}) } };
}
