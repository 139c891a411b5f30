import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './FormField.scss'

/** One field of an admin form: its label, the control, a line of help, and the error its last check found. */
export function FormField({ label, error, children, help }: { label: string; error?: string; children: ReactNode; help?: string }) {
  return (
    <View className="form-field">
      <Text className="form-field__label">{label}</Text>
      {children}
      {help && <Text className="form-field__help">{help}</Text>}
      {error && <Text className="form-field__error">{error}</Text>}
    </View>
  )
}
