import { canMove, judgeTrade, nextQueryDelayMinutes, statusesBefore, type OrderFacts } from './order-state';

const order: OrderFacts = { status: 'paying', amountFen: 25000, merchantId: 'mch-1', payerSubject: 'openid-1' };
const paid = { state: 'paid' as const, amountFen: 25000, merchantId: 'mch-1', payerSubject: 'openid-1' };

describe('transitions', () => {
  it('moves forward once and never out of a final state', () => {
    expect(canMove('created', 'paying')).toBe(true);
    expect(canMove('paying', 'paid')).toBe(true);
    expect(canMove('paid', 'closed')).toBe(false);
    expect(canMove('closed', 'paid')).toBe(false);
    expect(canMove('failed', 'paying')).toBe(false);
    expect(statusesBefore('paid')).toEqual(['paying']);
    expect(statusesBefore('closed')).toEqual(['created', 'paying']);
  });
});

describe('judgeTrade', () => {
  it('a matching paid trade is a payment', () => {
    expect(judgeTrade(order, paid, false)).toEqual({ kind: 'paid', payerSubject: 'openid-1' });
    expect(judgeTrade(order, { ...paid, state: 'refunded' }, true)).toEqual({ kind: 'paid', payerSubject: 'openid-1' });
  });
  it('a QR order learns its payer', () => {
    expect(judgeTrade({ ...order, payerSubject: null }, { ...paid, payerSubject: 'someone' }, false)).toEqual({ kind: 'paid', payerSubject: 'someone' });
  });
  it('amount, merchant or payer differing is a mismatch, never a payment', () => {
    expect(judgeTrade(order, { ...paid, amountFen: 1 }, false)).toMatchObject({ kind: 'mismatch', mismatch: 'amount_mismatch', expected: 25000, received: 1 });
    expect(judgeTrade(order, { ...paid, merchantId: 'other' }, false)).toMatchObject({ kind: 'mismatch', mismatch: 'merchant_mismatch' });
    expect(judgeTrade(order, { ...paid, payerSubject: 'other' }, false)).toMatchObject({ kind: 'mismatch', mismatch: 'payer_mismatch' });
  });
  it('unpaid: still paying until expiry, then closed; closed by the platform is closed', () => {
    expect(judgeTrade(order, { state: 'paying' }, false)).toEqual({ kind: 'still_paying' });
    expect(judgeTrade(order, { state: 'paying' }, true)).toEqual({ kind: 'closed' });
    expect(judgeTrade(order, { state: 'not_found' }, false)).toEqual({ kind: 'still_paying' });
    expect(judgeTrade(order, { state: 'not_found' }, true)).toEqual({ kind: 'closed' });
    expect(judgeTrade(order, { state: 'closed' }, false)).toEqual({ kind: 'closed' });
  });
  it('a settled order takes nothing more', () => {
    expect(judgeTrade({ ...order, status: 'paid' }, paid, false)).toEqual({ kind: 'settled' });
    expect(judgeTrade({ ...order, status: 'failed' }, paid, false)).toEqual({ kind: 'settled' });
    expect(judgeTrade({ ...order, status: 'closed' }, { state: 'closed' }, false)).toEqual({ kind: 'settled' });
  });
  it('money taken for a closed order is reported, not ignored', () => {
    expect(judgeTrade({ ...order, status: 'closed' }, paid, false)).toEqual({ kind: 'paid_after_close' });
  });
});

it('backs off 1, 2, 5, 10, then every 30 minutes', () => {
  expect([0, 1, 2, 3, 4, 9].map(nextQueryDelayMinutes)).toEqual([1, 2, 5, 10, 30, 30]);
});
