import { Button, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { usePageShown } from '../hooks/usePageShown'
import { useShared } from '../hooks/useShared'
import { AGREE_BUTTON_ID, answerPrivacy, privacyQuestion } from '../services/privacy'
import './PrivacyConsent.scss'

export const PRIVACY_GUIDE_URL = '/pages/privacy/index'

/** Where a picked file comes from: a chat on WeChat, the computer in the browser. */
const PICKED_FILES = process.env.TARO_ENV === 'weapp' ? '你从微信聊天中选择的文件' : '你选择上传的文件'

/**
 * The app's privacy consent, on the page in front while a consent question waits (services/privacy.ts). On WeChat
 * 同意 is the `agreePrivacyAuthorization` button WeChat requires; in the browser an ordinary one.
 */
export function PrivacyConsent() {
  const asking = useShared(privacyQuestion)
  const shown = usePageShown()
  const agree =
    process.env.TARO_ENV === 'weapp'
      ? { openType: 'agreePrivacyAuthorization' as const, onAgreePrivacyAuthorization: () => answerPrivacy(true) }
      : { onClick: () => answerPrivacy(true) }
  return (
    <Popup visible={asking && shown} position="bottom" round closeOnOverlayClick={false} className="privacy-consent">
      <View className="privacy-consent__body">
        <Text className="privacy-consent__title">隐私保护提示</Text>
        <Text className="privacy-consent__text">
          为核对会员身份、提供工会服务，教工之家需要处理你的工号、姓名、手机号后四位，以及{PICKED_FILES}。使用前请阅读
          <Text className="privacy-consent__link" onClick={() => Taro.navigateTo({ url: PRIVACY_GUIDE_URL })}>
            《教工之家隐私保护指引》
          </Text>
          ，了解收集哪些信息、谁能看到、保存多久。
        </Text>
        <Text className="privacy-consent__note">不同意也可以浏览通知，但无法绑定身份或选择文件。</Text>
        <View className="privacy-consent__actions">
          <Button fill="outline" className="privacy-consent__disagree" onClick={() => answerPrivacy(false)}>
            不同意
          </Button>
          <Button type="primary" id={AGREE_BUTTON_ID} className="privacy-consent__agree" {...agree}>
            同意并继续
          </Button>
        </View>
      </View>
    </Popup>
  )
}
