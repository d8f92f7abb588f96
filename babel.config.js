// babel-preset-taro serves the Taro builds and Jest alike.
// The h5 build runs in the phones' browsers (WeChat's and Alipay's in-app ones are recent Chromium or
// iOS WebKit), so it is not rewritten down to ES5 for iOS 9 as Taro's default would: less JS, faster start.
const h5Targets = process.env.TARO_ENV === 'h5' ? { targets: { chrome: '69', ios: '12' } } : {};

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...h5Targets }]],
};
