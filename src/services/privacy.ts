/**
 * Consent to the privacy guide (隐私保护指引), asked for on first need. On WeChat the client decides when: a privacy
 * interface (a file from a chat) or `requirePrivacyAuthorize` (before binding) raises onNeedPrivacyAuthorization;
 * the app then shows its consent on the page in front (components/PrivacyConsent.tsx) and hands WeChat the answer.
 * The browser build keeps the answer on the device and asks the same way, before the same steps.
 */
import Taro from '@tarojs/taro'
import { shared } from './shared'

/** The consent's agree button (`openType="agreePrivacyAuthorization"`): WeChat checks that this one was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree'
const AGREED_KEY = 'jiaogong.privacyAgreed'

type Answer = (agreed: boolean) => void
const waiting: Answer[] = []

/** Whether a consent question is waiting for the person: the consent shows while one is. */
export const privacyQuestion = shared(false)

function ask(answer: Answer) {
  waiting.push(answer)
  privacyQuestion.set(true)
}

/** The person's answer: everything waiting for it goes on (agreed) or is refused. */
export function answerPrivacy(agreed: boolean) {
  if (agreed && process.env.TARO_ENV !== 'weapp') Taro.setStorageSync(AGREED_KEY, true)
  privacyQuestion.set(false)
  waiting.splice(0).forEach((answer) => answer(agreed))
}

/** Lets WeChat ask through the app's own consent (once, when the app starts). */
export function listenForPrivacyQuestions() {
  // Base libraries before 2.32.3 have no privacy interfaces, and nothing to ask.
  if (process.env.TARO_ENV !== 'weapp' || !Taro.onNeedPrivacyAuthorization) return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    ask((agreed) => resolve(agreed ? { buttonId: AGREE_BUTTON_ID, event: 'agree' } : { event: 'disagree' }))
  })
}

/** Before collecting personal data: true once the person has agreed, asking them first if they have not yet. */
export function privacyAgreed(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    if (!Taro.requirePrivacyAuthorize) return Promise.resolve(true)
    return new Promise((resolve) => Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) }))
  }
  if (Taro.getStorageSync(AGREED_KEY)) return Promise.resolve(true)
  return new Promise((resolve) => ask(resolve))
}
