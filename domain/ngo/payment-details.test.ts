import { EMPTY_PAYMENT_DETAILS, normalizePaymentDetails, paymentDetailsProblems, sponsorshipReference } from './payment-details';

const bank = { bankAccountName: '凉山助学会', bankName: '农业银行西昌分行', bankAccountNumber: '6228 4801 2345 6789' };
const contact = { contactName: '阿西老师' };

describe('paymentDetailsProblems', () => {
  it('accepts nothing at all, a complete bank account, and a contact with a phone or an e-mail', () => {
    expect(paymentDetailsProblems(EMPTY_PAYMENT_DETAILS)).toEqual([]);
    expect(paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, ...bank })).toEqual([]);
    for (const phone of ['13800138000', '138 0013 8000', '+86 138-0013-8000', '0834-3210000', '(028) 8765 4321', '400-123-4567', '028-87654321转123']) {
      expect([phone, paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, ...contact, contactPhone: phone })]).toEqual([phone, []]);
    }
    expect(paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, ...contact, contactEmail: 'donors@shanying.example.org' })).toEqual([]);
  });

  it('wants a bank account whole and its number in digits', () => {
    expect(paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, bankAccountNumber: '62284801234567' })).toEqual([
      { field: 'bankAccountName', code: 'required' },
      { field: 'bankName', code: 'required' },
    ]);
    for (const number of ['6228 48O1 2345', '1234567', '1'.repeat(33)]) {
      expect(paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, ...bank, bankAccountNumber: number })).toEqual([{ field: 'bankAccountNumber', code: 'account_number' }]);
    }
  });

  it('wants a contact named and reachable, by a real-looking phone number or e-mail', () => {
    expect(paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, contactPhone: '13800138000' })).toEqual([{ field: 'contactName', code: 'required' }]);
    expect(paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, ...contact })).toEqual([{ field: 'contactPhone', code: 'required' }]);
    for (const phone of ['12345', '23800138000', '1380013800', 'wx: abc123']) {
      expect([phone, paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, ...contact, contactPhone: phone })]).toEqual([phone, [{ field: 'contactPhone', code: 'phone' }]]);
    }
    for (const email of ['donors@', 'donors@example', '@example.org', 'a b@example.org']) {
      expect([email, paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, ...contact, contactEmail: email })]).toEqual([email, [{ field: 'contactEmail', code: 'email' }]]);
    }
  });

  it('reports a value too long once, at its field', () => {
    expect(paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, paymentInstructions: 'x'.repeat(301) })).toEqual([{ field: 'paymentInstructions', code: 'too_long' }]);
    expect(paymentDetailsProblems({ ...EMPTY_PAYMENT_DETAILS, ...contact, contactEmail: `${'a'.repeat(95)}@example.org` })).toEqual([{ field: 'contactEmail', code: 'too_long' }]);
  });
});

it('stores values trimmed and the account number as bare digits', () => {
  expect(normalizePaymentDetails({ ...EMPTY_PAYMENT_DETAILS, ...bank, contactName: '  阿西  ' })).toMatchObject({ bankAccountNumber: '6228480123456789', contactName: '阿西' });
});

it('gives each sponsorship a short, stable memo reference', () => {
  expect(sponsorshipReference('sp-1')).toMatch(/^BX-[0-9A-Z]{7}$/);
  expect(sponsorshipReference('sp-1')).toBe(sponsorshipReference('sp-1'));
  const many = new Set(Array.from({ length: 1000 }, (_, i) => sponsorshipReference(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)));
  expect(many.size).toBe(1000);
});
