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
    ...extra,
  }
}

module.exports = { root, babel, nodeLayer }
