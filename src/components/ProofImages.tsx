import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './ProofImages.scss'

/**
 * An application's proof images (证明材料) as thumbnails, three to a row: tapping one shows them all full size.
 * Editable, each has a × to take it out, and a + tile adds one while there is room.
 */
export function ProofImages({ urls, onAdd, onRemove, adding = false, max }: { urls: string[]; onAdd?: () => void; onRemove?: (index: number) => void; adding?: boolean; max?: number }) {
  const room = onAdd !== undefined && (max === undefined || urls.length < max)
  if (urls.length === 0 && !room) return <Text className="proof-images__none">没有证明材料</Text>
  return (
    <View className="proof-images">
      {urls.map((url, index) => (
        <View key={url} className="proof-images__tile">
          <Image className="proof-images__picture" src={url} mode="aspectFill" onClick={() => void Taro.previewImage({ urls, current: url })} />
          {onRemove && (
            <View className="proof-images__remove" onClick={() => onRemove(index)}>
              ×
            </View>
          )}
        </View>
      ))}
      {room && (
        <View className={`proof-images__tile proof-images__add ${adding ? 'proof-images__add--busy' : ''}`} onClick={adding ? undefined : onAdd}>
          <Text className="proof-images__plus">{adding ? '…' : '+'}</Text>
          <Text className="proof-images__add-label">{adding ? '上传中' : '添加图片'}</Text>
        </View>
      )}
    </View>
  )
}
