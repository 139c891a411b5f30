/**
 * `@tarojs/taro` as the H5 build sees it. The build rewrites `Taro.showToast` into the named export of
 * @tarojs/taro-h5 (babel-plugin-transform-taroapi) and adds the React page hooks (useDidShow, useReachBottom …)
 * through @tarojs/plugin-framework-react's api-loader; here both go onto the default export, so the app's
 * `Taro.x` calls reach the H5 API and a test can spy on them.
 */
import * as h5 from '@tarojs/taro-h5'
import * as react from '@tarojs/plugin-framework-react/dist/runtime'

const { default: taro, ...api } = h5
const hooks = Object.fromEntries(Object.entries(react).filter(([name]) => /^use[A-Z]/.test(name)))
Object.assign(taro, api, hooks)

export * from '@tarojs/taro-h5'
export * from '@tarojs/plugin-framework-react/dist/runtime'
export default taro
