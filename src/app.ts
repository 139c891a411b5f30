import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { listenForPrivacyQuestions } from './services/privacy'
import './app.scss'

declare const CLOUD_ENV: string

if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ traceUser: true, ...(CLOUD_ENV ? { env: CLOUD_ENV } : {}) })
  listenForPrivacyQuestions()
}

function App({ children }: PropsWithChildren) {
  return children
}

export default App
