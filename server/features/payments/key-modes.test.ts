import { createPaymentWorld, SPONSOR_ALIPAY_USER, type PaymentWorld } from '../../test/payment-world';

/** Each merchant mode and WeChat key mode pays end to end: order, platform notice, one ledger row. */
describe.each([
  { keyMode: 'public_key', wechatMode: 'direct', alipayMode: 'direct' },
  { keyMode: 'certificate', wechatMode: 'sub_merchant', alipayMode: 'authorized' },
] as const)('WeChat $keyMode keys, WeChat $wechatMode, Alipay $alipayMode', (options) => {
  let w: PaymentWorld;
  beforeAll(async () => {
    w = await createPaymentWorld(options);
  }, 60_000);
  afterAll(() => w.close());

  const payOnce = async (platform: 'wechat' | 'alipay') => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/sponsor/sponsorships/sp-1/payment-orders',
      headers: w.sponsor,
      payload: { periods: 1, platform, channel: 'jsapi' },
    });
    expect(res.statusCode).toBe(201);
    const row = await w.app.db.selectFrom('payment_orders').selectAll().where('id', '=', res.json().order.id).executeTakeFirstOrThrow();
    if (platform === 'wechat') await w.wechat.pay(row.out_trade_no);
    else await w.alipay.pay(row.out_trade_no, { buyerId: SPONSOR_ALIPAY_USER });
    const after = await w.app.db.selectFrom('payment_orders').select(['status', 'merchant_id']).where('id', '=', row.id).executeTakeFirstOrThrow();
    const entries = await w.app.db.selectFrom('ledger_entries').select('id').where('payment_order_id', '=', row.id).execute();
    return { ...after, entries: entries.length };
  };

  it('WeChat Pay', async () => {
    const paid = await payOnce('wechat');
    expect(paid).toMatchObject({ status: 'paid', entries: 1 });
    expect(paid.merchant_id).toBe(options.wechatMode === 'sub_merchant' ? w.wechat.subMchId : w.wechat.direct.mchId);
  });

  it('Alipay', async () => {
    expect(await payOnce('alipay')).toMatchObject({ status: 'paid', entries: 1 });
  });
});
