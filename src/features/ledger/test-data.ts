import type { PayTo } from '../../../domain/api/ngo';
import type { Ledger } from './api';

export function payToFixture(overrides: Partial<PayTo> = {}): PayTo {
  return {
    ngoName: '凉山助学会',
    reference: 'BX-0K3F9QZ',
    bankTransfer: { accountName: '凉山助学会', bankName: '中国农业银行西昌分行', accountNumber: '6228 4801 2345 6789 012' },
    instructions: '到账后 3 个工作日内登记到账本。',
    contact: { name: '阿西老师', officePhone: '0834-3210000', email: 'donors@liangshan.example.org' },
    ...overrides,
  };
}

export function ledgerFixture(overrides: Partial<Ledger> = {}): Ledger {
  return {
    sponsorshipId: 'sp-1',
    schedule: Array.from({ length: 8 }, (_, i) => ({ dueOn: `2026-${String(i + 1).padStart(2, '0')}-01`, amountFen: 30000, paid: i < 3 })),
    payments: [{ id: 'pay-1', occurredOn: '2026-03-01', amountFen: 90000, description: '银行转账', category: null, payeeLabel: null, receiptUrl: null, receiptNumber: null }],
    disbursements: [
      { id: 'dis-1', occurredOn: '2026-03-05', amountFen: 60000, description: '2026 春季学期学费', category: 'tuition', payeeLabel: '学校', receiptUrl: '/api/files/r1.123.abc', receiptNumber: null },
      { id: 'dis-2', occurredOn: '2026-03-10', amountFen: 12050, description: '三月生活补助', category: 'living_stipend', payeeLabel: '学生的监护人', receiptUrl: null, receiptNumber: null },
    ],
    totals: { pledgedFen: 1080000, paidFen: 90000, disbursedFen: 72050 },
    fundedThrough: '2026-03-31',
    paymentInstructions: '请按下面的账户信息银行转账，备注资助编号。',
    payTo: payToFixture(),
    ...overrides,
  };
}
