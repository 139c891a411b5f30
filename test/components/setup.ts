/**
 * Runs before each components test file, before any module loads: the constants Taro's H5 webpack build defines
 * (see @tarojs/webpack5-runner H5WebpackPlugin), so the H5 runtime takes its browser paths in jsdom.
 */
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.FRAMEWORK = 'react'
process.env.SUPPORT_DINGTALK_NAVIGATE = 'disabled'
process.env.SUPPORT_TARO_POLYFILL = 'disabled'
// A webpack define read by @tarojs/components/lib/react: false means define the Stencil custom elements.
Object.assign(globalThis, { DEPRECATED_ADAPTER_COMPONENT: false })
// A phone's window (jsdom's default, 1024 px, would count as a desk): a test of the desk layout widens it itself.
Object.assign(window, { innerWidth: 390, innerHeight: 844 })
