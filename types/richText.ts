/**
 * Notice bodies are written in a small, safe markup and rendered as rich-text nodes:
 *   blank line      → new paragraph
 *   "## 标题"        → sub-heading
 *   "- 条目"         → bulleted list item
 *   "1. 条目"        → numbered list item
 *   "**重点**"       → bold
 * Nodes are plain objects, never HTML strings, so no input can inject markup.
 */
export interface TextNode {
  type: 'text'
  text: string
}

export interface ElementNode {
  name: 'p' | 'h4' | 'ul' | 'ol' | 'li' | 'strong'
  attrs: { class: string }
  children: RichNode[]
}

export type RichNode = TextNode | ElementNode

type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'bullets' | 'numbers'; items: string[] }

const HEADING = /^##\s+(.+)$/
const BULLET = /^[-•]\s+(.+)$/
/** "1. 条目", "1、条目"; not a line that starts with a date or a decimal such as "2026.3.1" or "3.5万元". */
const NUMBERED = /^\d{1,3}[.、](?!\d)\s*(.+)$/

function parseBlocks(markup: string): Block[] {
  const blocks: Block[] = []
  const last = () => blocks[blocks.length - 1]
  let open = false
  for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    if (!line) {
      open = false
      continue
    }
    const heading = HEADING.exec(line)
    const bullet = BULLET.exec(line)
    const numbered = NUMBERED.exec(line)
    if (heading) {
      blocks.push({ kind: 'heading', text: heading[1] })
      open = false
    } else if (bullet || numbered) {
      const kind = bullet ? 'bullets' : 'numbers'
      const item = (bullet ?? numbered)![1]
      const prev = last()
      if (open && prev?.kind === kind) prev.items.push(item)
      else blocks.push({ kind, items: [item] })
      open = true
    } else {
      const prev = last()
      if (open && prev?.kind === 'paragraph') prev.lines.push(line)
      else blocks.push({ kind: 'paragraph', lines: [line] })
      open = true
    }
  }
  return blocks
}

function element(name: ElementNode['name'], children: RichNode[]): ElementNode {
  return { name, attrs: { class: `rt-${name}` }, children }
}

/** Splits "**bold**" spans out of a line of text. */
function inline(text: string): RichNode[] {
  const nodes: RichNode[] = []
  const parts = text.split(/\*\*(.+?)\*\*/g)
  parts.forEach((part, index) => {
    if (!part) return
    const textNode: TextNode = { type: 'text', text: part }
    nodes.push(index % 2 === 1 ? element('strong', [textNode]) : textNode)
  })
  return nodes
}

export function toRichNodes(markup: string): RichNode[] {
  return parseBlocks(markup).map((block) => {
    switch (block.kind) {
      case 'heading':
        return element('h4', inline(block.text))
      case 'paragraph':
        return element('p', inline(block.lines.join('\n')))
      default:
        return element(
          block.kind === 'bullets' ? 'ul' : 'ol',
          block.items.map((item) => element('li', inline(item))),
        )
    }
  })
}

/** Ends in full-width (CJK) punctuation, such as ：，。；. */
const FULL_WIDTH_END = /[\u3000-\u303f\uff00-\uffef]$/

/** The body as one line of plain text, for list excerpts. */
export function toPlainText(markup: string, maxLength = 80): string {
  const pieces = parseBlocks(markup).flatMap((block) => {
    if (block.kind === 'heading') return [block.text]
    if (block.kind === 'paragraph') return block.lines
    return [block.items.map((item) => item.replace(/[；;，,、。]+$/, '')).join('；')]
  })
  // Chinese punctuation already separates; a space would only show as a gap.
  const text = pieces
    .reduce((joined, piece) => (joined === '' || FULL_WIDTH_END.test(joined) ? joined + piece : `${joined} ${piece}`), '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
  // Counted in code points, so an emoji is never cut in half.
  const chars = Array.from(text)
  return chars.length > maxLength ? chars.slice(0, maxLength - 1).join('') + '…' : text
}
