import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MerchantsView } from '../../../../domain/api/merchants';
import '@/lib/i18n/staff/register';
import { adminMe, signIn } from '@/test/fixtures';
import { mockApi, ok, type Reply, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { MerchantSettings } from './merchant-settings';

const GET = 'GET /api/staff/ngo/merchants';
const NOTICE_URL = 'https://banxue.example.org/api/payments/notices/wechat/m-1';
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const errorsIn = (card: HTMLElement) => within(card).queryAllByTestId('field-error').map((e) => [e.getAttribute('data-field'), e.textContent]);
const sentTo = (sent: SentRequest[], method: string) => sent.filter((s) => s.method === method);
const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

function merchants(overrides: Partial<MerchantsView> = {}): MerchantsView {
  return {
    wechat: {
      mode: 'direct',
      merchantId: '1900000109',
      serialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      platformKeys: [
        { id: '3775B6A45ACD588826D15E583A95F5DD2C8E4AE7', kind: 'certificate', expiresAt: '2031-06-30T00:00:00Z' },
        { id: 'PUB_KEY_ID_0114232134912410000000', kind: 'public_key', expiresAt: null },
      ],
      privateKeySet: true,
      apiV3KeySet: true,
      enabled: true,
      updatedAt: '2026-12-01T02:00:00.000Z',
    },
    alipay: null,
    noticeUrls: { wechat: NOTICE_URL, alipay: null },
    providerAvailable: false,
    alipayAuthorizedAvailable: true,
    ...overrides,
  };
}

async function open(routes: Record<string, Reply | ((req: SentRequest) => Reply)> = {}, view = merchants()) {
  const sent = mockApi({ [GET]: ok(view), ...routes });
  render(<MerchantSettings />);
  await screen.findByTestId('merchant-wechat');
  return sent;
}

describe('MerchantSettings', () => {
  beforeEach(() => signIn(adminMe));

  it('shows what is stored without any secret, the keys with their expiry, and the notice address', async () => {
    await open();
    const wechat = screen.getByTestId('merchant-wechat');
    expect(screen.getByTestId('merchant-wechat-state')).toHaveTextContent('已启用');
    expect(screen.getByTestId('merchant-alipay-state')).toHaveTextContent('未设置');
    expect(screen.getByTestId('wechat-mchId')).toHaveValue('1900000109');
    // Secrets are write-only: never prefilled, only said to be saved.
    expect(screen.getByTestId('wechat-privateKey')).toHaveValue('');
    expect(screen.getByTestId('wechat-apiV3Key')).toHaveValue('');
    expect(within(wechat).getAllByText(/已保存，留空则不变/)).toHaveLength(2);
    const keys = within(wechat).getAllByTestId('wechat-platform-key');
    expect(keys[0]).toHaveTextContent('3775B6A45ACD588826D15E583A95F5DD2C8E4AE7');
    expect(keys[0]).toHaveTextContent('有效期至 2031年6月30日');
    expect(keys[1]).toHaveTextContent('微信支付公钥');
    // No service provider on this server: the sub-merchant mode is not offered; Alipay's authorised mode is.
    expect(screen.queryByTestId('wechat-mode-sub_merchant')).not.toBeInTheDocument();
    expect(screen.getByTestId('alipay-mode-authorized')).toBeInTheDocument();
    expect(screen.getByTestId('wechat-notice-url-value')).toHaveTextContent(NOTICE_URL);
    expect(screen.getByTestId('alipay-notice-url')).toHaveTextContent('保存后会显示通知地址');
  });

  it('copies the notice address through the privacy gate', async () => {
    const taro = Taro.default as unknown as Record<string, unknown>;
    const clipboard = jest.fn(() => Promise.resolve({ errMsg: 'setClipboardData:ok' }));
    taro.setClipboardData = clipboard;
    try {
      await open();
      fireEvent.click(screen.getByTestId('wechat-notice-url-copy'));
      await waitFor(() => expect(clipboard).toHaveBeenCalledWith({ data: NOTICE_URL }));
      await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '通知地址已复制', icon: 'none' }));
    } finally {
      delete taro.setClipboardData;
    }
  });

  it('re-saves WeChat without the secrets left empty, keeping stored keys by id and adding a pasted one', async () => {
    const sent = await open({ 'PUT /api/staff/ngo/merchants/wechat': ok({}) });
    fireEvent.change(screen.getByTestId('wechat-new-key-pem'), { target: { value: '-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----' } });
    fireEvent.click(screen.getByTestId('wechat-add-key'));
    expect(screen.getAllByTestId('wechat-platform-key-new')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('wechat-enabled'));

    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));
    fireEvent.click(screen.getByTestId('wechat-save'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '保存微信支付设置？', confirmText: '保存' }));
    expect(sentTo(sent, 'PUT')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('wechat-save'));
    await waitFor(() => expect(sentTo(sent, 'PUT')).toHaveLength(1));
    expect(sentTo(sent, 'PUT')[0].data).toEqual({
      mode: 'direct',
      mchId: '1900000109',
      serialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      platformKeys: [
        { id: '3775B6A45ACD588826D15E583A95F5DD2C8E4AE7', pem: '' },
        { id: 'PUB_KEY_ID_0114232134912410000000', pem: '' },
        { pem: '-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----' },
      ],
      enabled: false,
      expectedUpdatedAt: '2026-12-01T02:00:00.000Z',
    });
    // Then the settings are loaded again from the server.
    await waitFor(() => expect(sent.filter((s) => s.method === 'GET')).toHaveLength(2));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
  });

  it('sets Alipay up: checks the shapes first, then sends the secrets typed, and shows the server’s words at a field', async () => {
    const sent = await open({
      'PUT /api/staff/ngo/merchants/alipay': {
        statusCode: 400,
        data: { error: { code: 'MERCHANT_INVALID', message: '有几项需要修改。', details: [{ field: 'body.alipayPublicKey', message: '这是应用公钥，请填写支付宝公钥' }] } },
      },
    });
    const alipay = screen.getByTestId('merchant-alipay');
    fireEvent.click(screen.getByTestId('alipay-save'));
    expect(errorsIn(alipay)).toEqual([
      ['appId', '请填写这一项'],
      ['privateKey', '请填写这一项'],
      ['alipayPublicKey', '请填写这一项'],
    ]);
    type('alipay-appId', '2021');
    fireEvent.click(screen.getByTestId('alipay-save'));
    expect(errorsIn(alipay)[0]).toEqual(['appId', '应为 16 位数字']);
    expect(Taro.showModal).not.toHaveBeenCalled();

    type('alipay-appId', '2021004100000001');
    type('alipay-privateKey', PRIVATE_KEY);
    type('alipay-alipayPublicKey', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA');
    fireEvent.click(screen.getByTestId('alipay-save'));
    await waitFor(() => expect(sentTo(sent, 'PUT')).toHaveLength(1));
    expect(sentTo(sent, 'PUT')[0].data).toEqual({
      mode: 'direct',
      appId: '2021004100000001',
      privateKey: PRIVATE_KEY,
      alipayPublicKey: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA',
      enabled: true,
      expectedUpdatedAt: null,
    });
    expect(await screen.findByTestId('alipay-failure')).toHaveTextContent('有几项需要修改');
    expect(errorsIn(alipay)).toEqual([['alipayPublicKey', '这是应用公钥，请填写支付宝公钥']]);
  });

  it('removes a platform only after a warning that sponsors go back to bank transfer', async () => {
    const sent = await open({ 'DELETE /api/staff/ngo/merchants/wechat': { statusCode: 204 } });
    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));
    fireEvent.click(screen.getByTestId('wechat-remove'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '移除微信支付？', content: expect.stringContaining('移除后赞助人将改为银行转账'), confirmText: '移除', confirmColor: expect.any(String) }),
    );
    expect(sentTo(sent, 'DELETE')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('wechat-remove'));
    await waitFor(() => expect(sentTo(sent, 'DELETE')).toHaveLength(1));
    expect(sentTo(sent, 'DELETE')[0].path).toBe('/api/staff/ngo/merchants/wechat');
    expect(sentTo(sent, 'DELETE')[0].header['Idempotency-Key']).toBeUndefined();
  });

  it('offers the sub-merchant mode when the server has a service provider, and saves only the sub_mchid', async () => {
    const sent = await open({ 'PUT /api/staff/ngo/merchants/wechat': ok({}) }, merchants({ wechat: null, providerAvailable: true, noticeUrls: { wechat: null, alipay: null } }));
    fireEvent.click(screen.getByTestId('wechat-mode-sub_merchant'));
    expect(screen.queryByTestId('wechat-privateKey')).not.toBeInTheDocument();
    type('wechat-subMchId', '1900000111');
    fireEvent.click(screen.getByTestId('wechat-save'));
    await waitFor(() => expect(sentTo(sent, 'PUT')).toHaveLength(1));
    expect(sentTo(sent, 'PUT')[0].data).toEqual({ mode: 'sub_merchant', subMchId: '1900000111', enabled: true, expectedUpdatedAt: null });
  });
});
