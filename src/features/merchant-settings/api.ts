import type { MerchantPlatform, MerchantsView, SaveAlipayMerchantBody, SaveWechatMerchantBody } from '../../../domain/api/merchants';
import { apiClient } from '@/lib/api-client';

export type { AlipayMerchantView, MerchantPlatform, MerchantsView, PlatformKeyView, WechatMerchantView } from '../../../domain/api/merchants';
export type { SaveAlipayMerchantBody, SaveWechatMerchantBody };

const PATH = '/api/staff/ngo/merchants';

/** The NGO's WeChat Pay and Alipay merchants (secrets only as "stored or not") and what the server offers. */
export function fetchMerchants(): Promise<MerchantsView> {
  return apiClient.get<MerchantsView>(PATH);
}

export function saveWechatMerchant(body: SaveWechatMerchantBody): Promise<unknown> {
  return apiClient.put<unknown>(`${PATH}/wechat`, body);
}

export function saveAlipayMerchant(body: SaveAlipayMerchantBody): Promise<unknown> {
  return apiClient.put<unknown>(`${PATH}/alipay`, body);
}

/** Sponsors then see the bank transfer again; orders already made still settle. */
export function removeMerchant(platform: MerchantPlatform): Promise<unknown> {
  return apiClient.delete<unknown>(`${PATH}/${platform}`);
}
