// One Jest run, three projects: pure domain rules, the server against a real database, and the client in jsdom.
const nodeTransform = {
  '^.+\\.[jt]sx?$': [
    'babel-jest',
    { presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'] },
  ],
};

module.exports = {
  projects: [
    {
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/domain/**/*.test.ts'],
      transform: nodeTransform,
    },
    {
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/server/**/*.test.ts'],
      transform: nodeTransform,
      // light-my-request (fastify.inject) depends on the ESM-only cookie@2; compile it for Jest.
      transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
    },
    {
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/src/test/taro-mock.ts',
        '^@tarojs/components$': '<rootDir>/src/test/components-mock.tsx',
        '\\.css$': '<rootDir>/src/test/style-mock.ts',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
    },
  ],
};
