import Taro from '@tarojs/taro';
import { createJSONStorage, type StateStorage } from 'zustand/middleware';

/** Every key this app writes to device storage. */
export const STORAGE_KEYS = {
  session: 'banxue.session',
  locale: 'banxue.locale',
  preferences: 'banxue.preferences',
  letterDrafts: 'banxue.letterDrafts',
  outbox: 'banxue.outbox',
} as const;

/** Display preferences belong to the device, not to the person signed in, so they survive a logout. */
export const DEVICE_PREFERENCE_KEYS: readonly string[] = [STORAGE_KEYS.locale, STORAGE_KEYS.preferences];

/** zustand's StateStorage over Taro's synchronous storage (wx/my storage, localStorage on h5). */
export const taroStateStorage: StateStorage = {
  getItem(name) {
    try {
      const value: unknown = Taro.getStorageSync(name);
      // Taro answers '' for a missing key.
      return typeof value === 'string' && value !== '' ? value : null;
    } catch {
      return null;
    }
  },
  setItem(name, value) {
    try {
      Taro.setStorageSync(name, value);
    } catch (error) {
      // Storage full or unavailable: the app still works for this visit, it just will not remember.
      console.warn(`could not save ${name}`, error);
    }
  },
  removeItem(name) {
    try {
      Taro.removeStorageSync(name);
    } catch {
      // nothing to remove
    }
  },
};

export const taroJSONStorage = createJSONStorage(() => taroStateStorage);

/** Removes every stored key except `keep` (used on logout so nothing personal stays on the device). */
export function clearStoredData(keep: readonly string[] = []): void {
  let keys: string[] = [];
  try {
    keys = Taro.getStorageInfoSync().keys;
  } catch {
    keys = Object.values(STORAGE_KEYS);
  }
  for (const key of keys) {
    if (!keep.includes(key)) taroStateStorage.removeItem(key);
  }
}
