/**
 * A small stand-in for @tarojs/taro under Jest (mapped in jest.config.js). APIs are jest.fn()s with
 * sensible defaults; storage is an in-memory map; page hooks remember their callback so a test can
 * fire the lifecycle (see `fireTaroHook`).
 */
import { act } from '@testing-library/react';

type Callback = (...args: unknown[]) => unknown;

const storage = new Map<string, unknown>();
const hookCallbacks = new Map<string, Callback>();

function pageHook(name: string) {
  return jest.fn((callback: Callback) => {
    hookCallbacks.set(name, callback);
  });
}

export const request = jest.fn();
export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, value);
});
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key);
});
export const clearStorageSync = jest.fn(() => storage.clear());
export const getStorageInfoSync = jest.fn(() => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }));
export const navigateTo = jest.fn(() => Promise.resolve({ errMsg: 'navigateTo:ok' }));
export const redirectTo = jest.fn(() => Promise.resolve({ errMsg: 'redirectTo:ok' }));
export const reLaunch = jest.fn(() => Promise.resolve({ errMsg: 'reLaunch:ok' }));
export const navigateBack = jest.fn(() => Promise.resolve({ errMsg: 'navigateBack:ok' }));
export const getCurrentPages = jest.fn((): unknown[] => [{}]);
export const showToast = jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' }));
type ModalOptions = { confirmText?: string; cancelText?: string };
// Like Taro's h5 showModal (and WeChat): a button text wider than 4 Chinese characters makes the call fail.
const tooWide = (text = '') => text.replace(/[\u0391-\uFFE5]/g, 'aa').length > 8;
const platformModal = (options?: ModalOptions) =>
  tooWide(options?.confirmText) || tooWide(options?.cancelText)
    ? Promise.reject({ errMsg: 'showModal:fail confirmText length should not larger then 4 Chinese characters' })
    : Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
export const showModal = jest.fn(platformModal);
export const login = jest.fn(() => Promise.resolve({ code: 'test-login-code', errMsg: 'login:ok' }));
export const getEnv = jest.fn(() => 'WEB');
export const stopPullDownRefresh = jest.fn();
export const setNavigationBarTitle = jest.fn(() => Promise.resolve({ errMsg: 'setNavigationBarTitle:ok' }));
export const onNetworkStatusChange = jest.fn();
export const offNetworkStatusChange = jest.fn();
export const getNetworkType = jest.fn(() => Promise.resolve({ networkType: 'wifi' }));
export const chooseImage = jest.fn((options?: { count?: number }) =>
  Promise.resolve({
    tempFilePaths: Array.from({ length: options?.count ?? 1 }, (_, i) => `blob:photo-${i + 1}`),
    tempFiles: [],
    errMsg: 'chooseImage:ok',
  }),
);
export const uploadFile = jest.fn();
export const previewImage = jest.fn(() => Promise.resolve({ errMsg: 'previewImage:ok' }));
export const makePhoneCall = jest.fn(() => Promise.resolve({ errMsg: 'makePhoneCall:ok' }));
/** WeChat's payment sheet: paid unless a test says otherwise (it rejects with `requestPayment:fail cancel` when the payer closes it). */
export const requestPayment = jest.fn((): Promise<Record<string, unknown>> => Promise.resolve({ errMsg: 'requestPayment:ok' }));
/** Alipay's payment sheet (`my.tradePay`): answers a result code, 9000 paid, 6001 cancelled. */
export const tradePay = jest.fn((): Promise<Record<string, unknown>> => Promise.resolve({ resultCode: '9000' }));
export const requestSubscribeMessage = jest.fn((): Promise<Record<string, unknown>> => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' }));

export const ENV_TYPE = { WEAPP: 'WEAPP', ALIPAY: 'ALIPAY', WEB: 'WEB' };

export const useDidShow = pageHook('didShow');
export const useDidHide = pageHook('didHide');
export const useLoad = pageHook('load');
export const useReady = pageHook('ready');
export const usePullDownRefresh = pageHook('pullDownRefresh');
export const useReachBottom = pageHook('reachBottom');
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string>, path: '' }));

/**
 * Runs the callback a component registered with a Taro page hook (e.g. `fireTaroHook('pullDownRefresh')`)
 * inside act(), as the page lifecycle would.
 */
export async function fireTaroHook(name: string, ...args: unknown[]): Promise<void> {
  const callback = hookCallbacks.get(name);
  if (!callback) throw new Error(`no component registered the Taro hook "${name}"`);
  await act(async () => {
    await callback(...args);
  });
}

/** Back to a clean device: empty storage, fresh mocks. Called before every test (src/test/setup.ts). */
export function resetTaroMock(): void {
  storage.clear();
  hookCallbacks.clear();
  request.mockReset();
  request.mockImplementation(() => Promise.reject(new Error('Taro.request was called without a mocked response')));
  for (const fn of [
    getStorageSync,
    setStorageSync,
    removeStorageSync,
    clearStorageSync,
    getStorageInfoSync,
    navigateTo,
    redirectTo,
    reLaunch,
    navigateBack,
    getCurrentPages,
    showToast,
    showModal,
    login,
    getEnv,
    stopPullDownRefresh,
    setNavigationBarTitle,
    onNetworkStatusChange,
    offNetworkStatusChange,
    getNetworkType,
    chooseImage,
    uploadFile,
    previewImage,
    makePhoneCall,
    useDidShow,
    useDidHide,
    useLoad,
    useReady,
    usePullDownRefresh,
    useReachBottom,
    useRouter,
  ]) {
    fn.mockClear();
  }
  showModal.mockImplementation(platformModal);
  login.mockImplementation(() => Promise.resolve({ code: 'test-login-code', errMsg: 'login:ok' }));
  useRouter.mockImplementation(() => ({ params: {}, path: '' }));
  getCurrentPages.mockImplementation(() => [{}]);
  chooseImage.mockImplementation((options?: { count?: number }) =>
    Promise.resolve({
      tempFilePaths: Array.from({ length: options?.count ?? 1 }, (_, i) => `blob:photo-${i + 1}`),
      tempFiles: [],
      errMsg: 'chooseImage:ok',
    }),
  );
  requestPayment.mockReset();
  requestPayment.mockImplementation(() => Promise.resolve({ errMsg: 'requestPayment:ok' }));
  tradePay.mockReset();
  tradePay.mockImplementation(() => Promise.resolve({ resultCode: '9000' }));
  requestSubscribeMessage.mockReset();
  requestSubscribeMessage.mockImplementation(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' }));
  uploadFile.mockReset();
  uploadFile.mockImplementation(() => Promise.reject(new Error('Taro.uploadFile was called without a mocked response')));
}

const Taro = {
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  getStorageInfoSync,
  navigateTo,
  redirectTo,
  reLaunch,
  navigateBack,
  getCurrentPages,
  showToast,
  showModal,
  login,
  getEnv,
  stopPullDownRefresh,
  setNavigationBarTitle,
  onNetworkStatusChange,
  offNetworkStatusChange,
  getNetworkType,
  chooseImage,
  uploadFile,
  previewImage,
  makePhoneCall,
  requestPayment,
  tradePay,
  requestSubscribeMessage,
  ENV_TYPE,
  useDidShow,
  useDidHide,
  useLoad,
  useReady,
  usePullDownRefresh,
  useReachBottom,
  useRouter,
};

export default Taro;
