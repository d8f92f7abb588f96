export type ClientPlatform = 'weapp' | 'alipay' | 'h5';

/** Which build is running (Taro replaces process.env.TARO_ENV at build time; tests count as h5). */
export function currentPlatform(): ClientPlatform {
  const env = process.env.TARO_ENV;
  return env === 'weapp' || env === 'alipay' ? env : 'h5';
}
