import { Dialog, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { REASON_MAX } from '../../../types/events'
import './ReasonDialog.scss'

/** What a reason dialog asks: its title, what will happen, and whether the reason may be left out. */
export interface ReasonRequest {
  title: string
  description: string
  confirmText: string
  placeholder: string
  /** A reason is required (it is told to the person). */
  required: boolean
  onConfirm: (reason: string) => Promise<void> | void
}

/**
 * Asks for a reason before something that cannot be undone (移出, 不通过, 取消活动): says what will happen, takes the
 * reason (required where the person is told it), and confirms.
 */
export function ReasonDialog({ request, onClose }: { request?: ReasonRequest; onClose: () => void }) {
  const [reason, setReason] = useState('')
  useEffect(() => setReason(''), [request])
  const blank = reason.trim() === ''
  return (
    <Dialog
      className="reason-dialog"
      visible={request !== undefined}
      title={request?.title}
      confirmText={request?.confirmText}
      cancelText="返回"
      disableConfirmButton={Boolean(request?.required && blank)}
      closeOnOverlayClick={false}
      onCancel={onClose}
      onClose={onClose}
      onConfirm={async () => {
        await request?.onConfirm(reason.trim())
      }}
    >
      <View className="reason-dialog__body">
        <Text className="reason-dialog__text">{request?.description}</Text>
        <TextArea
          className="reason-dialog__input"
          placeholder={request?.placeholder}
          value={reason}
          maxLength={REASON_MAX}
          showCount
          autoSize
          onChange={setReason}
        />
        {request?.required && blank && <Text className="reason-dialog__hint">请填写原因（会告知本人）</Text>}
      </View>
    </Dialog>
  )
}
