/** A ledger row of a sponsorship as staff record it (a pledge, payment or tuition disbursement), recorded at the tests' fixed now. */
export const ledgerRow = (id: string, sponsorshipId: string, kind: 'pledge' | 'payment' | 'disbursement', amountFen: number, description: string, payee: string | null = null) => ({
  id,
  sponsorship_id: sponsorshipId,
  kind,
  amount_fen: amountFen,
  occurred_on: '2026-09-01',
  category: kind === 'disbursement' ? 'tuition' : null,
  payee,
  payee_kind: kind === 'disbursement' ? ('school' as const) : null,
  description,
  receipt_key: null,
  recorded_by: null,
  created_at: '2026-11-29T04:00:00.000Z',
});
