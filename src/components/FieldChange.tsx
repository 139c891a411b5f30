import { Text, View } from '@tarojs/components'
import './FieldChange.scss'

/** One field's change, "手机号 138… → 139…", the same in the audit log and the import preview. No `before`: a new value. */
export function FieldChange({ field, before, after }: { field: string; before?: string; after: string }) {
  return (
    <View className="field-change">
      <Text className="field-change__field">{field}</Text>
      {before !== undefined && (
        <>
          <Text className="field-change__before">{before}</Text>
          <Text className="field-change__arrow">→</Text>
        </>
      )}
      <Text className="field-change__after">{after}</Text>
    </View>
  )
}
