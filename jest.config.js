// One Jest run, three projects: pure domain rules, the server against a real database, and the client in jsdom.
const nodeTransform = {
  '^.+\\.m?[jt]sx?$': [
    'babel-jest',
    { presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'] },
  ],
};

// Packages published only as ES modules are compiled for Jest: light-my-request's cookie@2 (fastify.inject),
// OpenCC's character tables and pinyin-pro's character dictionary (domain/text).
const esmOnlyPackages = '/node_modules/(?!(cookie|opencc-js|pinyin-pro)/)';

module.exports = {
  projects: [
    {
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/domain/**/*.test.ts'],
      transform: nodeTransform,
      transformIgnorePatterns: [esmOnlyPackages],
    },
    {
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/server/**/*.test.ts'],
      transform: nodeTransform,
      transformIgnorePatterns: [esmOnlyPackages],
    },
    {
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
      transform: { '^.+\\.m?[jt]sx?$': 'babel-jest' },
      transformIgnorePatterns: [esmOnlyPackages],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/src/test/taro-mock.ts',
        '^@tarojs/components$': '<rootDir>/src/test/components-mock.tsx',
        '\\.css$': '<rootDir>/src/test/style-mock.ts',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
    },
  ],
};
