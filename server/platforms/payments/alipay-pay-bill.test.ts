import { gbkEncode, tradeBillZip, zipFiles } from '../../test/fake-alipay-bill';
import { BillFormatError, parseTradeBill } from './alipay-pay-bill';

const row = {
  tradeNo: '2026120622001400000000000001',
  outTradeNo: 'BX1',
  kind: '交易' as const,
  subject: '伴学资助',
  createdAt: '2026-12-06 09:00:00',
  finishedAt: '2026-12-06 09:00:30',
  buyer: 'buy***@example.com',
  amountYuan: '19.99',
  outRequestNo: '',
};

describe('reading the Alipay trade bill', () => {
  it('reads the detail file of the zip (GBK) and skips the summary, amounts in exact fen', () => {
    const zip = tradeBillZip('2088000000000001', '2026-12-06', [row, { ...row, kind: '退款', amountYuan: '-0.07', outRequestNo: 'R1', finishedAt: '2026-12-06 23:59:59' }]);
    expect(parseTradeBill(zip)).toEqual([
      { kind: 'payment', outTradeNo: 'BX1', platformTradeId: row.tradeNo, amountFen: 1999, at: '2026-12-06T01:00:30.000Z' },
      { kind: 'refund', outTradeNo: 'BX1', platformTradeId: row.tradeNo, amountFen: 7, outRefundNo: 'R1', at: '2026-12-06T15:59:59.000Z' },
    ]);
  });

  it('reads an empty day as no lines', () => {
    expect(parseTradeBill(tradeBillZip('2088000000000001', '2026-12-06', []))).toEqual([]);
  });

  it('reads a bill given as a bare GBK CSV', () => {
    const csv = gbkEncode('支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,订单金额（元）,退款批次号/请求号\nT1\t,BX9\t,交易,助学,2026-12-06 10:00:00,2026-12-06 10:00:01,1234.50,\n#end');
    expect(parseTradeBill(csv)).toEqual([{ kind: 'payment', outTradeNo: 'BX9', platformTradeId: 'T1', amountFen: 123450, at: '2026-12-06T02:00:01.000Z' }]);
  });

  it('refuses a damaged file rather than reading part of it', () => {
    const zip = zipFiles([{ name: 'a.csv', data: gbkEncode('支付宝交易号,商户订单号,业务类型') }]);
    const damaged = Buffer.from(zip);
    const directory = damaged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    damaged.writeUInt32LE((damaged.readUInt32LE(directory + 16) ^ 1) >>> 0, directory + 16);
    expect(() => parseTradeBill(damaged)).toThrow(BillFormatError);
    const csv = gbkEncode('支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,订单金额（元）,退款批次号/请求号\nT1,BX9,交易,助学,2026-12-06 10:00:00,2026-12-06 10:00:01,12.345,\n');
    expect(() => parseTradeBill(csv)).toThrow(/unreadable line/);
  });
});
