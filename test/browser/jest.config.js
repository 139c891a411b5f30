/** Browser layer: the H5 build in headless Chromium against the real local host (needs `npm run build:h5` first). */
module.exports = require('../jest.shared').nodeLayer('browser', {
  setupFilesAfterEnv: ['<rootDir>/test/browser/setup.ts'],
  // Build outputs hold package.json files named like the functions; keep them out of the module map.
  modulePathIgnorePatterns: ['<rootDir>/test-results/', '<rootDir>/cloudfunctions-dist/', '<rootDir>/dist/'],
})
