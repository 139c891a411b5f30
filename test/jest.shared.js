/** What every test layer's Jest config shares: TypeScript and JSX through Babel. */
const path = require('node:path')

const root = path.resolve(__dirname, '..')

function babel(plugins = []) {
  return [
    'babel-jest',
    {
      configFile: false,
      babelrc: false,
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        '@babel/preset-typescript',
        ['@babel/preset-react', { runtime: 'automatic' }],
      ],
      plugins,
    },
  ]
}

/** A Node-environment layer whose tests are test/<name>/**\/*.test.ts. */
function nodeLayer(name, extra = {}) {
  return {
    displayName: name,
    rootDir: root,
    testEnvironment: 'node',
    testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
    transform: { '\\.[jt]sx?$': babel() },
    // Built function packages carry package.json files named like the functions: not modules of the tests.
    modulePathIgnorePatterns: ['<rootDir>/cloudfunctions-dist/', '<rootDir>/test-results/'],
    ...extra,
  }
}

module.exports = { root, babel, nodeLayer }
