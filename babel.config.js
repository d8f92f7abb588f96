// babel-preset-taro serves the Taro builds and Jest alike.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
