import { defineConfig } from '@tarojs/cli'
import path from 'node:path'

/** NutUI is designed at 375 px wide; our own styles at Taro's default 750. */
function designWidth(input?: { file?: string }) {
  return input?.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
}

/** The shared contract in types/ lives outside src/ and is compiled with it. */
const compile = { include: [path.resolve(__dirname, '..', 'types')] }
/** Component CSS order across pages does not matter here (every rule is scoped by class). */
const miniCssExtractPluginOption = { ignoreOrder: true }

export default defineConfig(() => {
  const platform = process.env.TARO_ENV ?? 'weapp'
  return {
    projectName: 'jiaogong-zhijia',
    date: '2026-11-22',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per target, so one build never wipes the other.
    outputRoot: `dist/${platform}`,
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    // NutUI draws its icons (Checkbox ticks, Popup's ×, SearchBar, Button's spinner) as <i>: on WeChat only this
    // plugin maps HTML tags to mini-program components. NutUI's Taro guide asks for it, at Taro's exact version.
    plugins: ['@tarojs/plugin-html'],
    defineConstants: { CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? '') },
    sass: { resource: [path.resolve(__dirname, '..', 'src/styles/variables.scss')] },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false, exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'] } },
    cache: { enable: false },
    mini: {
      compile,
      miniCssExtractPluginOption,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile,
      miniCssExtractPluginOption,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
})
