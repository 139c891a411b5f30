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
  // The functions run in-process here, in jsdom, which picks packages' browser builds: uuid's (an exceljs
  // dependency, for the exports function) is ES modules, so the functions get its Node build, as on CloudBase.
  moduleNameMapper: { '^uuid$': require.resolve('uuid') },
  // Built function packages carry package.json files named like the functions (`events`, which exceljs's streams
  // require as Node's module): keep them out of the module map.
  modulePathIgnorePatterns: ['<rootDir>/cloudfunctions-dist/', '<rootDir>/test-results/'],
}
