import { alipayMerchantProblems, wechatMerchantProblems } from './merchant-settings';

const DIRECT = {
  mode: 'direct' as const,
  mchId: '1230000001',
  serialNo: '3775B6A45ACD588826D15E583A95F5DD2C0CC51F',
  privateKey: '-----BEGIN PRIVATE KEY-----…',
  apiV3Key: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6',
  platformKeys: [{ pem: '-----BEGIN CERTIFICATE-----…' }],
};

describe('what the merchant editor can check before sending', () => {
  it('passes a complete direct WeChat Pay merchant, and one that keeps its stored secrets', () => {
    expect(wechatMerchantProblems(DIRECT, { privateKeyStored: false })).toEqual([]);
    expect(wechatMerchantProblems({ ...DIRECT, privateKey: undefined, apiV3Key: ' ' }, { privateKeyStored: true, apiV3KeyStored: true })).toEqual([]);
  });

  it('asks for secrets only when none are stored, and checks ids by shape', () => {
    expect(wechatMerchantProblems({ ...DIRECT, privateKey: '', apiV3Key: undefined, mchId: '12-34', serialNo: 'G00D', platformKeys: [] }, { privateKeyStored: false })).toEqual([
      { field: 'mchId', code: 'mch_id' },
      { field: 'serialNo', code: 'serial_no' },
      { field: 'privateKey', code: 'required' },
      { field: 'apiV3Key', code: 'required' },
      { field: 'platformKeys', code: 'platform_keys_missing' },
    ]);
    expect(wechatMerchantProblems({ ...DIRECT, apiV3Key: 'x'.repeat(31) }, { privateKeyStored: true })).toEqual([{ field: 'apiV3Key', code: 'apiv3_key' }]);
  });

  it('checks WeChat Pay key ids: the PUB_KEY_ID_ shape and no id twice', () => {
    const keys = [{ id: 'PUB_KEY_ID_01', pem: 'a' }, { id: 'pub_key_id_01', pem: 'b' }, { id: 'PUB_KEY_ID_', pem: 'c' }, { pem: '' }];
    expect(wechatMerchantProblems({ ...DIRECT, platformKeys: keys }, { privateKeyStored: true })).toEqual([
      { field: 'platformKeys.1.id', code: 'platform_key_duplicate' },
      { field: 'platformKeys.2.id', code: 'public_key_id' },
      { field: 'platformKeys.3.pem', code: 'required' },
    ]);
  });

  it('offers sub-merchant and authorized modes only when the server has what they need', () => {
    expect(wechatMerchantProblems({ mode: 'sub_merchant', subMchId: '1900000109' }, { privateKeyStored: false })).toEqual([{ field: 'mode', code: 'provider_unavailable' }]);
    expect(wechatMerchantProblems({ mode: 'sub_merchant', subMchId: '1900000109' }, { privateKeyStored: false, providerAvailable: true })).toEqual([]);
    const authorized = { mode: 'authorized' as const, sellerId: '2088000000000042', appAuthToken: '202612BBf00dfeedcafe0001' };
    expect(alipayMerchantProblems(authorized, { privateKeyStored: false })).toEqual([{ field: 'mode', code: 'alipay_app_unavailable' }]);
    expect(alipayMerchantProblems({ ...authorized, sellerId: '2099000000000042', appAuthToken: undefined }, { privateKeyStored: false, alipayAuthorizedAvailable: true })).toEqual([
      { field: 'sellerId', code: 'seller_id' },
      { field: 'appAuthToken', code: 'required' },
    ]);
  });

  it('checks an Alipay app: 16-digit app id, the keys present', () => {
    expect(alipayMerchantProblems({ mode: 'direct', appId: '2021000000000001', privateKey: 'k', alipayPublicKey: 'p' }, { privateKeyStored: false })).toEqual([]);
    expect(alipayMerchantProblems({ mode: 'direct', appId: '202100000000001', alipayPublicKey: '' }, { privateKeyStored: false })).toEqual([
      { field: 'appId', code: 'app_id' },
      { field: 'privateKey', code: 'required' },
      { field: 'alipayPublicKey', code: 'required' },
    ]);
  });
});
