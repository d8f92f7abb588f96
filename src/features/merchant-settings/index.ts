export { MerchantSettings } from './components/merchant-settings';
export { MerchantSettingsLink, MERCHANT_SETTINGS_URL } from './components/merchant-settings-link';
