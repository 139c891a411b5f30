import { TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { RichBody } from './RichBody'
import './MarkupEditor.scss'

/** What the light markup RichBody draws, told under every editor of it. */
const MARKUP_HINT = '换行空一行为新段落；“## ”开头为小标题；“- ”开头为列表；**文字** 加粗'

/** The switch between writing a text and seeing it as members will: for the form's heading row. */
export function PreviewToggle({ preview, onToggle }: { preview: boolean; onToggle: (preview: boolean) => void }) {
  return (
    <Text className="markup-toggle" onClick={() => onToggle(!preview)}>
      {preview ? '继续编辑' : '预览'}
    </Text>
  )
}

interface MarkupEditorProps {
  value: string
  onChange: (value: string) => void
  /** Shows the text as RichBody draws it instead of the text area. */
  preview: boolean
  placeholder: string
  maxLength: number
  /** Shown in the preview of an empty text. */
  emptyText: string
  /** The text area's own class (the forms' tests find it by it). */
  className?: string
}

/** A long text written in the light markup (a notice's body, an event's description), with its preview and hint. */
export function MarkupEditor({ value, onChange, preview, placeholder, maxLength, emptyText, className = '' }: MarkupEditorProps) {
  return (
    <View className="markup-editor">
      {preview ? (
        <View className="markup-editor__preview">
          <RichBody markup={value || emptyText} />
        </View>
      ) : (
        <TextArea
          className={`markup-editor__input ${className}`}
          placeholder={placeholder}
          value={value}
          maxLength={maxLength}
          showCount
          autoSize
          onChange={onChange}
        />
      )}
      <Text className="markup-editor__hint">{MARKUP_HINT}</Text>
    </View>
  )
}
