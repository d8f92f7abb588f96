import type { Ledger } from './api';

export function ledgerFixture(overrides: Partial<Ledger> = {}): Ledger {
  return {
    sponsorshipId: 'sp-1',
    schedule: Array.from({ length: 8 }, (_, i) => ({ dueOn: `2026-${String(i + 1).padStart(2, '0')}-01`, amountFen: 30000, paid: i < 3 })),
    payments: [{ id: 'pay-1', occurredOn: '2026-03-01', amountFen: 90000, description: '银行转账', category: null, payeeLabel: null, receiptUrl: null }],
    disbursements: [
      { id: 'dis-1', occurredOn: '2026-03-05', amountFen: 60000, description: '2026 春季学期学费', category: 'tuition', payeeLabel: '学校', receiptUrl: '/api/files/r1.123.abc' },
      { id: 'dis-2', occurredOn: '2026-03-10', amountFen: 12050, description: '三月生活补助', category: 'living_stipend', payeeLabel: '学生的监护人', receiptUrl: null },
    ],
    totals: { pledgedFen: 1080000, paidFen: 90000, disbursedFen: 72050 },
    fundedThrough: '2026-03-31',
    paymentInstructions: '请转账到凉山助学会的银行账户，备注资助编号 sp-1。',
    ...overrides,
  };
}
