import { RichText } from '@tarojs/components'
import { useMemo } from 'react'
import { toRichNodes } from '../../types/richText'
import './RichBody.scss'

/** A notice body, rendered from its safe markup as rich-text nodes (never as an HTML string). */
export function RichBody({ markup }: { markup: string }) {
  const nodes = useMemo(() => toRichNodes(markup), [markup])
  return <RichText className="rich-body" nodes={nodes as never} />
}
