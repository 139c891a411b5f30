import { render, waitFor } from '@testing-library/react'
import { RichBody } from '../../src/components/RichBody'

/** Renders a body and waits for Taro's rich-text element to draw its nodes. */
async function renderBody(markup: string) {
  const { container } = render(<RichBody markup={markup} />)
  const root = container.querySelector('.rich-body')
  if (!root) throw new Error('no .rich-body element')
  await waitFor(() => expect(root.childElementCount).toBeGreaterThan(0))
  return root
}

const tags = (root: Element) => Array.from(root.children, (child) => child.tagName.toLowerCase())

describe('RichBody', () => {
  it('renders headings, paragraphs, lists and bold spans as elements', async () => {
    const root = await renderBody(
      ['## 报名方式', '', '请于 **3月31日** 前报名。', '逾期不候。', '', '- 线上报名', '- 现场报名', '', '1. 填表', '2. 交表'].join('\n'),
    )
    expect(tags(root)).toEqual(['h4', 'p', 'ul', 'ol'])
    expect(root.querySelector('h4')?.textContent).toBe('报名方式')
    expect(root.querySelector('p')?.textContent).toBe('请于 3月31日 前报名。\n逾期不候。')
    expect(root.querySelector('p strong')?.textContent).toBe('3月31日')
    expect(Array.from(root.querySelectorAll('ul > li'), (li) => li.textContent)).toEqual(['线上报名', '现场报名'])
    expect(Array.from(root.querySelectorAll('ol > li'), (li) => li.textContent)).toEqual(['填表', '交表'])
    expect(root.querySelector('h4')?.className).toBe('rt-h4')
  })

  it('renders a script tag in the body as literal text', async () => {
    const root = await renderBody('注意 <script>alert(1)</script> 结束')
    expect(root.querySelector('script')).toBeNull()
    expect(document.querySelector('script')).toBeNull()
    expect(root.querySelector('p')?.textContent).toBe('注意 <script>alert(1)</script> 结束')
  })

  it('renders an img with an onerror handler as literal text', async () => {
    const onerror = jest.fn()
    Object.assign(window, { pwned: onerror })
    const root = await renderBody('<img src=x onerror="window.pwned()">\n\n- <b>粗</b><a href="javascript:alert(1)">链接</a>')
    expect(root.querySelector('img')).toBeNull()
    expect(root.querySelector('b')).toBeNull()
    expect(root.querySelector('a')).toBeNull()
    expect(root.querySelector('p')?.textContent).toBe('<img src=x onerror="window.pwned()">')
    expect(root.querySelector('li')?.textContent).toBe('<b>粗</b><a href="javascript:alert(1)">链接</a>')
    expect(onerror).not.toHaveBeenCalled()
  })

  it('keeps markup inside bold spans as text', async () => {
    const root = await renderBody('**<img src=x onerror=alert(1)>**')
    expect(root.querySelector('img')).toBeNull()
    expect(root.querySelector('strong')?.textContent).toBe('<img src=x onerror=alert(1)>')
  })

  it('draws the new body when the markup changes', async () => {
    const { container, rerender } = render(<RichBody markup="第一版" />)
    await waitFor(() => expect(container.querySelector('p')?.textContent).toBe('第一版'))
    rerender(<RichBody markup={'## 第二版'} />)
    await waitFor(() => expect(container.querySelector('h4')?.textContent).toBe('第二版'))
    expect(container.querySelector('p')).toBeNull()
  })
})
