import { parseYuan } from '@/features/staff-ledger';
import { ApiError } from '@/lib/api-client';
import type { RefundBody } from './api';

export const REFUND_REASON_MAX = 80;

export type RefundAmountError = 'required' | 'format' | 'zero' | 'tooLarge' | 'overRefundable';
export type RefundReasonError = 'required' | 'tooLong';

export interface RefundCheck {
  body: RefundBody | null;
  amountError: RefundAmountError | null;
  reasonError: RefundReasonError | null;
}

/** Yuan typed by the admin to fen (exactly, no floating point), never above what is still refundable; a reason is required. */
export function checkRefund(amount: string, reason: string, refundableFen: number): RefundCheck {
  const parsed = parseYuan(amount);
  const text = reason.trim();
  let amountError: RefundAmountError | null = 'error' in parsed ? parsed.error : null;
  if ('fen' in parsed && parsed.fen > refundableFen) amountError = 'overRefundable';
  const reasonError: RefundReasonError | null = text === '' ? 'required' : text.length > REFUND_REASON_MAX ? 'tooLong' : null;
  const body = 'fen' in parsed && !amountError && !reasonError ? { amountFen: parsed.fen, reason: text } : null;
  return { body, amountError, reasonError };
}

/** The server's words about the amount (e.g. how much is still refundable after a refund made elsewhere). */
export function amountProblemFromServer(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  return error.details.find((detail) => detail.field === 'body.amountFen')?.message ?? null;
}
