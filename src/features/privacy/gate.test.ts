import * as Taro from '@/test/taro-mock';
import { agreePrivacy, AGREE_BUTTON_ID, choosePhotos, copyText, declinePrivacy, ensurePrivacyAuthorized, installPrivacyHandler, pickPhotos, privacyAsked } from './gate';

type Resolve = (option: { event: string; buttonId?: string }) => void;
const taro = Taro.default as unknown as Record<string, unknown>;

describe('WeChat privacy step', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
    delete taro.onNeedPrivacyAuthorization;
    delete taro.requirePrivacyAuthorize;
    delete taro.compressImage;
    delete taro.setClipboardData;
  });

  it('is a no-op on h5 and Alipay', async () => {
    process.env.TARO_ENV = 'h5';
    taro.requirePrivacyAuthorize = jest.fn();
    await expect(ensurePrivacyAuthorized()).resolves.toBe(true);
    expect(taro.requirePrivacyAuthorize).not.toHaveBeenCalled();
    await expect(pickPhotos(1)).resolves.toEqual({ paths: ['blob:photo-1'] });
  });

  it('on weapp opens the popup when WeChat asks, and answers agree with our button id', () => {
    process.env.TARO_ENV = 'weapp';
    let listener: ((resolve: Resolve) => void) | null = null;
    taro.onNeedPrivacyAuthorization = jest.fn((l: (resolve: Resolve) => void) => (listener = l));
    installPrivacyHandler();
    const resolve = jest.fn();
    listener!(resolve);
    expect(privacyAsked()).toBe(true);
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    agreePrivacy();
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: AGREE_BUTTON_ID });
    expect(privacyAsked()).toBe(false);

    listener!(resolve);
    declinePrivacy();
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
  });

  it('on weapp runs requirePrivacyAuthorize before the picker, and does not pick when declined', async () => {
    process.env.TARO_ENV = 'weapp';
    taro.requirePrivacyAuthorize = jest.fn((o: { fail: () => void }) => o.fail());
    await expect(pickPhotos(1)).resolves.toEqual({ cancelled: true });
    expect(Taro.chooseImage).not.toHaveBeenCalled();

    taro.requirePrivacyAuthorize = jest.fn((o: { success: () => void }) => o.success());
    await expect(pickPhotos(1)).resolves.toEqual({ paths: ['blob:photo-1'] });
    expect(Taro.chooseImage).toHaveBeenCalledTimes(1);
  });

  it('choosePhotos (receipts) runs the same privacy step and hands the photos back as chosen, uncompressed', async () => {
    process.env.TARO_ENV = 'weapp';
    taro.requirePrivacyAuthorize = jest.fn((o: { fail: () => void }) => o.fail());
    await expect(choosePhotos(1)).resolves.toEqual({ cancelled: true });
    expect(Taro.chooseImage).not.toHaveBeenCalled();

    taro.requirePrivacyAuthorize = jest.fn((o: { success: () => void }) => o.success());
    taro.compressImage = jest.fn(() => Promise.resolve({ tempFilePath: 'compressed-1' }));
    await expect(choosePhotos(1)).resolves.toEqual({ paths: ['blob:photo-1'] });
    await expect(pickPhotos(1)).resolves.toEqual({ paths: ['compressed-1'] });
    Taro.chooseImage.mockImplementationOnce(() => Promise.reject({ errMsg: 'chooseImage:fail auth deny' }));
    await expect(choosePhotos(1)).resolves.toEqual({ failed: true });
  });

  it('copyText puts text on the clipboard only once the privacy step is agreed', async () => {
    process.env.TARO_ENV = 'weapp';
    taro.setClipboardData = jest.fn(() => Promise.resolve());
    taro.requirePrivacyAuthorize = jest.fn((o: { fail: () => void }) => o.fail());
    await expect(copyText('{"a":1}')).resolves.toBe(false);
    expect(taro.setClipboardData).not.toHaveBeenCalled();

    taro.requirePrivacyAuthorize = jest.fn((o: { success: () => void }) => o.success());
    await expect(copyText('{"a":1}')).resolves.toBe(true);
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: '{"a":1}' });
  });
});
