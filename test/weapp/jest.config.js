/** Compiled mini-program pages (dist/weapp) in miniprogram-simulate; see test/weapp/harness.ts. */
const { root, babel } = require('../jest.shared')

module.exports = {
  displayName: 'weapp',
  rootDir: root,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  transform: { '\\.[jt]sx?$': babel() },
  // The compiled app is loaded as it is, like the WeChat client would.
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
}
