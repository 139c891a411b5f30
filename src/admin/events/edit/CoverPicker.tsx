import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { CoverImage } from '../../../components/CoverImage'
import { COVER_MAX_BYTES } from '../../../../types/events'
import type { CoverForm } from '../eventForm'

const HINT = `选填。建议横图（16:9），JPG、PNG 或 WebP，不超过 ${COVER_MAX_BYTES / 1024 / 1024} MB。会员在活动列表和详情页看到，请勿使用含个人信息的图片。`

/** 封面图: the picture chosen, as members will see it (16:9), with 更换 and 移除; or a frame to add one. */
export function CoverPicker({
  cover,
  uploading,
  disabled,
  onChoose,
  onRemove,
}: {
  cover?: CoverForm
  uploading: boolean
  disabled: boolean
  onChoose: () => void
  onRemove: () => void
}) {
  return (
    <View className="cover-picker">
      {cover ? (
        <View className="cover-picker__frame">
          <Text className="cover-picker__placeholder">封面图暂时无法预览</Text>
          <CoverImage url={cover.url} className="cover-picker__image" />
          {uploading && <Text className="cover-picker__uploading">上传中…</Text>}
        </View>
      ) : (
        <View className="cover-picker__frame cover-picker__add" onClick={() => !disabled && onChoose()}>
          <Text className="cover-picker__plus">+</Text>
          <Text className="cover-picker__add-text">{uploading ? '上传中…' : '添加封面图'}</Text>
        </View>
      )}
      {cover && (
        <View className="cover-picker__actions">
          <Button size="small" fill="outline" className="cover-picker__replace" disabled={disabled} onClick={onChoose}>
            更换图片
          </Button>
          <Button size="small" fill="outline" className="cover-picker__remove" disabled={disabled} onClick={onRemove}>
            移除
          </Button>
        </View>
      )}
      <Text className="event-form__help">{HINT}</Text>
    </View>
  )
}
