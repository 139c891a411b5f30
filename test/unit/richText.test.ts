import { toPlainText, toRichNodes, type ElementNode, type RichNode } from '../../types/richText'

const text = (value: string): RichNode => ({ type: 'text', text: value })
const el = (name: ElementNode['name'], ...children: RichNode[]): ElementNode => ({ name, attrs: { class: `rt-${name}` }, children })

/** Every text node in a tree, in order. */
function texts(nodes: RichNode[]): string[] {
  return nodes.flatMap((node) => ('type' in node ? [node.text] : texts(node.children)))
}

/** Every element name in a tree. */
function names(nodes: RichNode[]): string[] {
  return nodes.flatMap((node) => ('type' in node ? [] : [node.name, ...names(node.children)]))
}

describe('toRichNodes', () => {
  it('gives nothing for an empty or blank body', () => {
    expect(toRichNodes('')).toEqual([])
    expect(toRichNodes('  \n\n \t \r\n')).toEqual([])
  })

  it('makes a paragraph of plain text', () => {
    expect(toRichNodes('各位会员：')).toEqual([el('p', text('各位会员：'))])
  })

  it('keeps consecutive lines in one paragraph, joined by a newline, and trims each line', () => {
    expect(toRichNodes('  第一行  \n第二行')).toEqual([el('p', text('第一行\n第二行'))])
  })

  it('starts a new paragraph after a blank line, however many', () => {
    expect(toRichNodes('甲\n\n乙\n \n\n\t\n丙')).toEqual([el('p', text('甲')), el('p', text('乙')), el('p', text('丙'))])
  })

  it('treats CRLF and lone CR line breaks as LF', () => {
    expect(toRichNodes('甲\r\n乙\r\n\r\n丙\r丁')).toEqual([el('p', text('甲\n乙')), el('p', text('丙\n丁'))])
    expect(toRichNodes('- a\r\n- b')).toEqual([el('ul', el('li', text('a')), el('li', text('b')))])
  })

  it('makes an h4 of a "## " line', () => {
    expect(toRichNodes('## 活动安排')).toEqual([el('h4', text('活动安排'))])
    expect(toRichNodes('##   多个空格')).toEqual([el('h4', text('多个空格'))])
  })

  it('does not take "##" without a space, or "#", as a heading', () => {
    expect(toRichNodes('##标题')).toEqual([el('p', text('##标题'))])
    expect(toRichNodes('# 标题')).toEqual([el('p', text('# 标题'))])
  })

  it('ends a paragraph at a heading, and starts a new one after it', () => {
    expect(toRichNodes('引言\n## 小标题\n正文')).toEqual([el('p', text('引言')), el('h4', text('小标题')), el('p', text('正文'))])
  })

  it('groups "- " and "• " lines into one bulleted list', () => {
    expect(toRichNodes('- 一\n• 二\n-   三')).toEqual([el('ul', el('li', text('一')), el('li', text('二')), el('li', text('三')))])
  })

  it('groups "1." and "1、" lines into one numbered list, whatever the numbers', () => {
    expect(toRichNodes('1. 一\n2、二\n9.三')).toEqual([el('ol', el('li', text('一')), el('li', text('二')), el('li', text('三')))])
  })

  it('does not take a line starting with a date or a decimal as a numbered item', () => {
    expect(toRichNodes('2026.3.1 起施行')).toEqual([el('p', text('2026.3.1 起施行'))])
    expect(toRichNodes('3.5万元补贴已发放')).toEqual([el('p', text('3.5万元补贴已发放'))])
    expect(toRichNodes('2026. 年度总结')).toEqual([el('p', text('2026. 年度总结'))])
    expect(toRichNodes('10. 第十条\n100、第一百条')).toEqual([el('ol', el('li', text('第十条')), el('li', text('第一百条')))])
  })

  it('does not take "-" without a space as a bullet', () => {
    expect(toRichNodes('-5 度')).toEqual([el('p', text('-5 度'))])
  })

  it('starts a new list after a blank line', () => {
    expect(toRichNodes('- a\n\n- b')).toEqual([el('ul', el('li', text('a'))), el('ul', el('li', text('b')))])
  })

  it('starts a new list when the kind changes', () => {
    expect(toRichNodes('- a\n1. b\n- c')).toEqual([el('ul', el('li', text('a'))), el('ol', el('li', text('b'))), el('ul', el('li', text('c')))])
  })

  it('separates a list from the paragraphs around it, even without blank lines', () => {
    expect(toRichNodes('须知：\n- 带工作证\n结束语')).toEqual([el('p', text('须知：')), el('ul', el('li', text('带工作证'))), el('p', text('结束语'))])
  })

  it('does not continue a list across a heading', () => {
    expect(toRichNodes('- a\n## h\n- b')).toEqual([el('ul', el('li', text('a'))), el('h4', text('h')), el('ul', el('li', text('b')))])
  })

  it('splits **bold** spans out of paragraphs, headings and list items', () => {
    expect(toRichNodes('请 **务必** 准时，**带证件**')).toEqual([
      el('p', text('请 '), el('strong', text('务必')), text(' 准时，'), el('strong', text('带证件'))),
    ])
    expect(toRichNodes('## **重要**通知')).toEqual([el('h4', el('strong', text('重要')), text('通知'))])
    expect(toRichNodes('- **时间**：周五')).toEqual([el('ul', el('li', el('strong', text('时间')), text('：周五')))])
  })

  it('makes a whole line bold with no empty text nodes around it', () => {
    expect(toRichNodes('**全部加粗**')).toEqual([el('p', el('strong', text('全部加粗')))])
  })

  it('leaves unpaired or empty asterisks as text', () => {
    expect(toRichNodes('**未闭合')).toEqual([el('p', text('**未闭合'))])
    expect(toRichNodes('a****b')).toEqual([el('p', text('a****b'))])
    expect(toRichNodes('2*3*4')).toEqual([el('p', text('2*3*4'))])
  })

  it('gives every element only a class attribute, rt-<name>', () => {
    const nodes = toRichNodes('## h\n\np **b**\n\n- li\n\n1. ol')
    const all = (list: RichNode[]): ElementNode[] => list.flatMap((node) => ('type' in node ? [] : [node, ...all(node.children)]))
    for (const node of all(nodes)) expect(node.attrs).toEqual({ class: `rt-${node.name}` })
    expect(new Set(names(nodes))).toEqual(new Set(['h4', 'p', 'strong', 'ul', 'li', 'ol']))
  })

  it('carries angle brackets and entities as raw text, never as markup', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '## <h1>大标题</h1>',
      '- <a href="javascript:alert(1)">点我</a>',
      '1. &lt;b&gt; &amp; "引号" \'单引号\'',
      '**<iframe src=//evil>**',
    ].join('\n\n')
    const nodes = toRichNodes(hostile)
    expect(names(nodes)).toEqual(['p', 'p', 'h4', 'ul', 'li', 'ol', 'li', 'p', 'strong'])
    expect(texts(nodes)).toEqual([
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<h1>大标题</h1>',
      '<a href="javascript:alert(1)">点我</a>',
      '&lt;b&gt; &amp; "引号" \'单引号\'',
      '<iframe src=//evil>',
    ])
  })

  it('produces only plain objects, no HTML strings', () => {
    const nodes = toRichNodes('<p onclick="x">a</p>')
    expect(JSON.parse(JSON.stringify(nodes))).toEqual(nodes)
    expect(nodes).toEqual([el('p', text('<p onclick="x">a</p>'))])
  })
})

describe('toPlainText', () => {
  it('never doubles the separator of list items that end in punctuation, nor spaces after Chinese punctuation', () => {
    expect(toPlainText('- 一事一案；\n- 须有附议；\n- 截止后为建议。')).toBe('一事一案；须有附议；截止后为建议')
    expect(toPlainText('各分工会：\n春节将至。\n\nVPN 已开通\nok')).toBe('各分工会：春节将至。VPN 已开通 ok')
  })

  it('gives an empty string for an empty body', () => {
    expect(toPlainText('')).toBe('')
    expect(toPlainText('\n \n')).toBe('')
  })

  it('joins headings, paragraphs and lists into one line', () => {
    expect(toPlainText('## 安排\n\n第一行\n第二行\n\n- 甲\n- 乙\n\n1. 丙\n2. 丁')).toBe('安排 第一行 第二行 甲；乙 丙；丁')
  })

  it('drops the bold markers but keeps their text', () => {
    expect(toPlainText('请 **务必** 准时，**带证件**')).toBe('请 务必 准时，带证件')
  })

  it('treats CRLF like LF', () => {
    expect(toPlainText('甲\r\n乙\r\n\r\n丙')).toBe('甲 乙 丙')
  })

  it('keeps angle brackets as they are', () => {
    expect(toPlainText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>')
  })

  it('returns text of exactly the limit unchanged', () => {
    const eighty = '字'.repeat(80)
    expect(toPlainText(eighty)).toBe(eighty)
    expect(toPlainText('12345', 5)).toBe('12345')
  })

  it('truncates longer text to the limit, ending with …', () => {
    const result = toPlainText('字'.repeat(81))
    expect(result).toHaveLength(80)
    expect(result).toBe('字'.repeat(79) + '…')
    expect(toPlainText('123456', 5)).toBe('1234…')
  })

  it('never cuts an emoji in half', () => {
    expect(toPlainText('a😀b', 3)).toBe('a😀b')
    expect(toPlainText('😀😀😀😀', 3)).toBe('😀😀…')
    expect(toPlainText('a😀bc', 3)).toBe('a😀…')
  })

  it('truncates after removing markup, so markers do not count', () => {
    expect(toPlainText('**12345**', 5)).toBe('12345')
    expect(toPlainText('## 12\n\n- 3\n- 4', 7)).toBe('12 3；4')
  })
})
