import { formatTradeBill } from '../../test/fake-wechat-pay-wire';
import { parseWechatTradeBill, yuanToFen } from './wechat-pay-bill';

test('yuan amounts become exact fen', () => {
  expect(yuanToFen('0.07')).toBe(7);
  expect(yuanToFen('19.99')).toBe(1999);
  expect(yuanToFen('0.1')).toBe(10);
  expect(yuanToFen('12')).toBe(1200);
  expect(yuanToFen('1234567.89')).toBe(123456789);
  // 0.07 * 100 and 19.99 * 100 are not whole numbers in floating point.
  expect(0.07 * 100).not.toBe(7);
  for (const bad of ['', '1.234', '-1.00', '1,00', 'abc']) expect(() => yuanToFen(bad)).toThrow();
});

// As WeChat Pay writes it: BOM, header, backtick-prefixed fields (one with a comma inside), summary rows.
const bill = [
  '\uFEFF交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注',
  '`2026-11-29 08:05:01,`wx-app,`1230000109,`0,`,`4200000001,`BX0001,`o-1,`JSAPI,`SUCCESS,`OTHERS,`CNY,`0.07,`0.00,`0,`0,`0.00,`0.00,`,`,`伴学资助,小明,`,`0.00000,`0.60%,`0.07,`0.00,`',
  '`2026-11-29 23:59:59,`wx-app,`1230000109,`0,`,`4200000002,`BX0002,`o-2,`NATIVE,`SUCCESS,`OTHERS,`CNY,`19.99,`0.00,`0,`0,`0.00,`0.00,`,`,`伴学资助,`,`0.12000,`0.60%,`19.99,`0.00,`',
  '`2026-11-29 10:00:00,`wx-app,`1230000109,`0,`,`4200000002,`BX0002,`o-2,`NATIVE,`REFUND,`OTHERS,`CNY,`19.99,`0.00,`50000001,`BX0002R1,`10.01,`0.00,`ORIGINAL,`SUCCESS,`伴学资助,`,`0.00000,`0.60%,`19.99,`10.01,`',
  '`2026-11-29 11:00:00,`wx-app,`1230000109,`0,`,`4200000002,`BX0002,`o-2,`NATIVE,`REFUND,`OTHERS,`CNY,`19.99,`0.00,`50000002,`BX0002R2,`1.00,`0.00,`ORIGINAL,`PROCESSING,`伴学资助,`,`0.00000,`0.60%,`19.99,`1.00,`',
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
  '`4,`20.06,`10.01,`0.00,`0.12000,`20.06,`11.01',
  '',
].join('\r\n');

test('payment rows and successful refund rows become bill lines; summary rows and unfinished refunds do not', () => {
  expect(parseWechatTradeBill(bill)).toEqual([
    { kind: 'payment', outTradeNo: 'BX0001', platformTradeId: '4200000001', amountFen: 7, at: '2026-11-29T00:05:01.000Z' },
    { kind: 'payment', outTradeNo: 'BX0002', platformTradeId: '4200000002', amountFen: 1999, at: '2026-11-29T15:59:59.000Z' },
    { kind: 'refund', outTradeNo: 'BX0002', platformTradeId: '4200000002', amountFen: 1001, outRefundNo: 'BX0002R1', at: '2026-11-29T02:00:00.000Z' },
  ]);
});

test('an empty bill has no lines; a bill with an unreadable amount is refused', () => {
  expect(parseWechatTradeBill('')).toEqual([]);
  expect(() => parseWechatTradeBill(bill.replace('`0.60%,`0.07,', '`0.60%,`7元,'))).toThrow('not a yuan amount');
});

test("the fake's bill format reads back to the same lines", () => {
  const at = new Date('2026-11-29T04:00:00.000Z');
  const common = { appId: 'wx', mchId: '1900000100', subMchId: '1900000109', payer: 'o', tradeType: 'JSAPI' as const, description: '伴学' };
  const file = formatTradeBill([
    { ...common, kind: 'payment', at, transactionId: 'T1', outTradeNo: 'BX1', orderFen: 36_000 },
    { ...common, kind: 'refund', at, transactionId: 'T1', outTradeNo: 'BX1', orderFen: 36_000, refundId: 'R', outRefundNo: 'BX1R', refundFen: 1 },
  ]);
  expect(parseWechatTradeBill(file.toString('utf8'))).toEqual([
    { kind: 'payment', outTradeNo: 'BX1', platformTradeId: 'T1', amountFen: 36_000, at: at.toISOString() },
    { kind: 'refund', outTradeNo: 'BX1', platformTradeId: 'T1', amountFen: 1, outRefundNo: 'BX1R', at: at.toISOString() },
  ]);
});
