export { PrivacyPopup } from './components/privacy-popup';
export { PrivacyLink } from './components/privacy-link';
export { isPrivacyRole, PrivacyNotice, PRIVACY_ROLES, type PrivacyRole } from './components/privacy-notice';
export { choosePhotos, copyText, ensurePrivacyAuthorized, installPrivacyHandler, pickPhotos, type PickResult } from './gate';
