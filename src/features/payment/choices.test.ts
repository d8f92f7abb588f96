import { clampPeriods, payChoices } from './choices';

describe('payChoices', () => {
  it('pays with the sheet of the app it runs in, and only when the NGO takes that platform', () => {
    expect(payChoices(['wechat', 'alipay'], 'weapp')).toEqual([{ platform: 'wechat', channel: 'jsapi' }]);
    expect(payChoices(['wechat', 'alipay'], 'alipay')).toEqual([{ platform: 'alipay', channel: 'jsapi' }]);
    expect(payChoices(['alipay'], 'weapp')).toEqual([]);
    expect(payChoices(['wechat'], 'alipay')).toEqual([]);
  });

  it('offers a QR code of every platform the NGO takes in a browser', () => {
    expect(payChoices(['wechat', 'alipay'], 'h5')).toEqual([
      { platform: 'wechat', channel: 'qr' },
      { platform: 'alipay', channel: 'qr' },
    ]);
  });
});

it('keeps the periods between one and what is left', () => {
  expect([clampPeriods(0, 5), clampPeriods(3, 5), clampPeriods(9, 5), clampPeriods(2, 0)]).toEqual([1, 3, 5, 1]);
});
