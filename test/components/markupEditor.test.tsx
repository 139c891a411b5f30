/**
 * The editor of a text in the light markup (src/components/MarkupEditor.tsx), shared by the notice form's body and
 * the event form's description: the text area, the preview as members will see it, and the markup's hint.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { MarkupEditor, PreviewToggle } from '../../src/components/MarkupEditor'

function Form({ initial }: { initial: string }) {
  const [text, setText] = useState(initial)
  const [preview, setPreview] = useState(false)
  return (
    <>
      <PreviewToggle preview={preview} onToggle={setPreview} />
      <MarkupEditor className="form__body" value={text} onChange={setText} preview={preview} placeholder="请输入正文" maxLength={50} emptyText="（正文为空）" />
    </>
  )
}

describe('MarkupEditor', () => {
  // Typing goes through Taro's <textarea> web component, which jsdom does not run: the browser tests type into both
  // forms (publishNotice, eventsAdmin).
  it('shows the text as members will, and back to the text area with its hint', async () => {
    const text = '## 报名方式\n\n请于 **3月31日** 前报名。'
    const { container } = render(<Form initial={text} />)
    expect(container.querySelector('.form__body .nut-textarea-textarea')?.getAttribute('placeholder')).toBe('请输入正文')
    expect(screen.getByText('换行空一行为新段落；“## ”开头为小标题；“- ”开头为列表；**文字** 加粗')).toBeTruthy()

    fireEvent.click(screen.getByText('预览'))
    expect(container.querySelector('.form__body')).toBeNull()
    await waitFor(() => expect(container.querySelector('.rich-body h4')?.textContent).toBe('报名方式'))
    expect(container.querySelector('.rich-body strong')?.textContent).toBe('3月31日')

    fireEvent.click(screen.getByText('继续编辑'))
    expect(container.querySelector('.rich-body')).toBeNull()
    expect(container.querySelector('.form__body .nut-textarea-textarea')?.getAttribute('value')).toBe(text)
  })

  it('previews an empty text as the form names it', async () => {
    const { container } = render(<Form initial="" />)
    fireEvent.click(screen.getByText('预览'))
    await waitFor(() => expect(container.querySelector('.rich-body p')?.textContent).toBe('（正文为空）'))
  })

  it('counts against its limit', () => {
    const { container } = render(<Form initial="十个字十个字十个字十" />)
    expect(container.querySelector('.form__body')?.textContent).toContain('10/50')
  })
})
