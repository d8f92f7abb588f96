import * as Taro from '@/test/taro-mock';
import { QR_PAY, WECHAT_PAY } from './test-data';
import { openPaySheet } from './pay-sheet';

const ALIPAY = { kind: 'alipay_trade', tradeNo: '2026032022001400000001' } as const;

it('opens WeChat’s sheet with the server’s signed parameters and reads a cancel as cancelled', async () => {
  expect(await openPaySheet(WECHAT_PAY)).toBe('done');
  expect(Taro.requestPayment).toHaveBeenCalledWith({ timeStamp: '1774000000', nonceStr: 'n0nce', package: 'prepay_id=wx-1', signType: 'RSA', paySign: 'c2lnbg==' });
  Taro.requestPayment.mockImplementationOnce(() => Promise.reject({ errMsg: 'requestPayment:fail cancel' }));
  expect(await openPaySheet(WECHAT_PAY)).toBe('cancelled');
  Taro.requestPayment.mockImplementationOnce(() => Promise.reject({ errMsg: 'requestPayment:fail system error' }));
  expect(await openPaySheet(WECHAT_PAY)).toBe('unknown');
});

it('opens Alipay’s sheet with the trade number and reads its result codes', async () => {
  expect(await openPaySheet(ALIPAY)).toBe('done');
  expect(Taro.tradePay).toHaveBeenCalledWith({ tradeNO: '2026032022001400000001' });
  for (const [resultCode, outcome] of [['6001', 'cancelled'], ['8000', 'unknown'], ['6004', 'unknown'], ['4000', 'unknown']]) {
    Taro.tradePay.mockImplementationOnce(() => Promise.resolve({ resultCode }));
    expect(await openPaySheet(ALIPAY)).toBe(outcome);
  }
});

it('opens no sheet for a QR code', async () => {
  expect(await openPaySheet(QR_PAY)).toBe('unknown');
  expect(Taro.requestPayment).not.toHaveBeenCalled();
  expect(Taro.tradePay).not.toHaveBeenCalled();
});
