import { gbkEncode } from '../../test/fake-alipay-bill';
import { NoticeRejected } from './gateway';
import { noticeMeaning, noticeParams } from './alipay-pay-notice';

const percent = (bytes: Buffer) => [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

describe('reading an Alipay notice body', () => {
  it('decodes utf-8 by default, with + as space', () => {
    expect(noticeParams(Buffer.from(`subject=${encodeURIComponent('伴学 资助')}&a=b+c&empty=`))).toEqual({ subject: '伴学 资助', a: 'b c', empty: '' });
  });

  it('decodes in the charset the notice names', () => {
    expect(noticeParams(Buffer.from(`charset=gbk&subject=${percent(gbkEncode('伴学资助'))}`)).subject).toBe('伴学资助');
  });

  it('refuses a repeated name, an unknown charset or bytes that are not text in it', () => {
    for (const body of ['a=1&a=2', 'charset=klingon&a=1', `subject=${percent(Buffer.from([0xff, 0xfe]))}`]) {
      expect(() => noticeParams(Buffer.from(body))).toThrow(new NoticeRejected('malformed'));
    }
  });
});

describe('the meaning of a verified notice', () => {
  const paid = { notify_type: 'trade_status_sync', out_trade_no: 'BX1', trade_status: 'TRADE_SUCCESS', total_amount: '0.10', app_id: 'A', seller_id: 'S', buyer_open_id: 'open-1', gmt_payment: '2026-12-06 09:00:00' };

  it('names the merchant by app id or seller id as asked', () => {
    expect(noticeMeaning(paid, 'app_id')).toEqual({ kind: 'trade', trade: { outTradeNo: 'BX1', state: 'paid', amountFen: 10, merchantId: 'A', payerSubject: 'open-1', paidAt: '2026-12-06T01:00:00.000Z' } });
    expect(noticeMeaning(paid, 'seller_id')).toMatchObject({ trade: { merchantId: 'S' } });
  });

  it('refuses a notice it cannot read', () => {
    for (const params of [{ ...paid, trade_status: 'TRADE_WHATEVER' }, { ...paid, total_amount: '0.101' }, { ...paid, notify_type: 'other' }]) {
      expect(() => noticeMeaning(params, 'app_id')).toThrow(new NoticeRejected('malformed'));
    }
  });
});
