import type { ClientPayParams, OnlinePayment, PaymentOrderView } from './api';

export function onlinePaymentFixture(overrides: Partial<OnlinePayment> = {}): OnlinePayment {
  return { platforms: ['wechat', 'alipay'], nextDueOn: '2026-04-01', periodAmountFen: 30000, maxPeriods: 5, ...overrides };
}

export function orderFixture(overrides: Partial<PaymentOrderView> = {}): PaymentOrderView {
  return {
    id: 'order-1',
    sponsorshipId: 'sp-1',
    platform: 'wechat',
    channel: 'jsapi',
    amountFen: 60000,
    periods: 2,
    firstDueOn: '2026-04-01',
    status: 'created',
    createdAt: '2026-03-20T02:00:00.000Z',
    expiresAt: '2026-03-20T04:00:00.000Z',
    paidAt: null,
    platformTradeId: null,
    refundedFen: 0,
    refunds: [],
    ...overrides,
  };
}

export const WECHAT_PAY: ClientPayParams = { kind: 'wechat_jsapi', appId: 'wx-app', timeStamp: '1774000000', nonceStr: 'n0nce', package: 'prepay_id=wx-1', signType: 'RSA', paySign: 'c2lnbg==' };
export const QR_PAY: ClientPayParams = { kind: 'qr', codeUrl: 'weixin://wxpay/bizpayurl?pr=abc', qrImage: 'data:image/png;base64,iVBORw0KGgo=' };
