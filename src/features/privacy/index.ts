export { PrivacyPopup } from './components/privacy-popup';
export { PrivacyNotice } from './components/privacy-notice';
export { ensurePrivacyAuthorized, installPrivacyHandler, pickPhotos, type PickResult } from './gate';
