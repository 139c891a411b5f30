import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { GUIDE, GUIDE_INTRO, GUIDE_UPDATED } from './guide'
import './index.scss'

/** 隐私保护指引: what is collected and why, who sees it, how long it is kept. The consent links here. */
export default function PrivacyGuide() {
  return (
    <Screen className="privacy" privacyConsent={false}>
      <View className="card">
        <Text className="privacy__title">教工之家隐私保护指引</Text>
        <Text className="privacy__updated">更新日期：{GUIDE_UPDATED}</Text>
        <Text className="privacy__text">{GUIDE_INTRO}</Text>
      </View>
      {GUIDE.map((section) => (
        <View key={section.title} className="card privacy__section">
          <Text className="privacy__heading">{section.title}</Text>
          {section.items.map((item) => (
            <View key={item.text} className="privacy__item">
              {item.label && <Text className="privacy__label">{item.label}</Text>}
              <Text className="privacy__text">{item.text}</Text>
            </View>
          ))}
        </View>
      ))}
      {process.env.TARO_ENV === 'weapp' && (
        <Text className="privacy__official" onClick={() => Taro.openPrivacyContract()}>
          查看在微信登记的《用户隐私保护指引》 ›
        </Text>
      )}
    </Screen>
  )
}
