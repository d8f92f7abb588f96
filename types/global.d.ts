/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

/** Injected at build time by config/index.ts. */
declare const BANXUE_API_BASE_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'alipay' | 'h5';
  }
}
