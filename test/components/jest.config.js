/**
 * Components layer: src/components rendered with React Testing Library in jsdom, against Taro's H5 build
 * (@tarojs/test-utils-react does not install beside Taro 4). setup.ts defines what Taro's H5 webpack build would.
 */
const { root, babel } = require('../jest.shared')

/**
 * NutUI's on-demand import, as in babel.config.js but without styles: `import { Tag } from '@nutui/nutui-react-taro'`
 * becomes the ES module of that one component. The package's main entry is a UMD bundle that crashes in jsdom.
 */
const nutuiImport = [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
    style: false,
    camel2DashComponentName: false,
  },
  'nutui-react-taro',
]

/**
 * Packages that ship only ES modules (under jsdom's "browser" export condition), found by running the layer with an
 * empty list: Taro and its Stencil components, NutUI, and what @tarojs/taro-h5 and @tarojs/router pull in.
 */
const esm = ['@tarojs', '@stencil', '@nutui', 'swiper', 'nanoid', 'lodash-es', 'query-string', 'decode-uri-component', 'filter-obj', 'split-on-first']

module.exports = {
  displayName: 'components',
  rootDir: root,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/components/**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/components/setup.ts'],
  transform: { '\\.[cm]?[jt]sx?$': babel([nutuiImport]) },
  // Anchored at the top-level node_modules, so nested copies inside a listed package are transformed too:
  // @tarojs/components/lib/react carries its own ES-module tslib under node_modules/.pnpm.
  transformIgnorePatterns: [`^${root}/node_modules/(?!(${esm.join('|')})/)`],
  moduleNameMapper: {
    // The H5 implementation of the Taro API (navigateTo and the rest) and Taro's React components for the web.
    '^@tarojs/taro$': '<rootDir>/test/components/taro.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(s?css|less)$': '<rootDir>/test/components/styleStub.js',
    // Images are URLs in the build; here their file name stands in.
    '\\.(png|jpe?g|svg)$': '<rootDir>/test/components/fileStub.js',
  },
  // Build output holds copies of package.json files whose names collide in Jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/cloudfunctions-dist/', '<rootDir>/test-results/'],
}
