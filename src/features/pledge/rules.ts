import type { PledgeAcknowledgement } from '../../../domain/pledge';
import type { Cadence } from '../../../domain/sponsorship';

/**
 * The pledge rules of domain/pledge.ts and domain/sponsorship.ts, repeated here because the
 * mini-program build compiles only src/ (it takes types, never code, from domain/); rules.test.ts
 * keeps the two equal.
 */
export const RESERVATION_MINUTES = 15;

export const PLEDGE_ACKNOWLEDGEMENTS: readonly PledgeAcknowledgement[] = ['commitment', 'expectations', 'safeguarding', 'disbursement'];

export const CADENCE_OPTIONS: readonly Cadence[] = ['monthly', 'quarterly', 'yearly'];

export const PAYMENTS_PER_YEAR: Record<Cadence, number> = { monthly: 12, quarterly: 4, yearly: 1 };

export interface PaymentPreview {
  /** One payment in fen: the yearly need split over the cadence, rounded up to a whole yuan. */
  amountFen: number;
  paymentsCount: number;
  totalFen: number;
}

/** What the sponsor would pay, computed as the server's `commitmentFor` does (before reserving). */
export function previewPayments(yearlyNeedFen: number, cadence: Cadence, termYears: number): PaymentPreview {
  const perYear = PAYMENTS_PER_YEAR[cadence];
  const amountFen = Math.ceil(yearlyNeedFen / perYear / 100) * 100;
  const paymentsCount = perYear * termYears;
  return { amountFen, paymentsCount, totalFen: amountFen * paymentsCount };
}
