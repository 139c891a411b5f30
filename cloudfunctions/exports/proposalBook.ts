/**
 * 提案汇编: a congress session's accepted proposals as a Word document (.docx) the congress office prints. A title
 * page; 目录, every proposal's 编号, 标题 and 提案人; then each proposal on a page of its own, in number order, in the
 * printed proposal form (提案表): 编号, 类别, 标题, 提案人 and unit, 附议人, 案由, 建议, 承办部门, and the reply once
 * there is one. Chinese text is set in 宋体 (headings 黑体), Latin in Times New Roman, A4 with page numbers.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATE_LABELS, REPLY_OUTCOME_LABELS } from '../../types/proposals'
import { formatDay, inShanghai, shanghaiDay } from '../../types/time'
import type { SessionProposal } from './sessionProposals'

export interface BookCover {
  sessionName: string
  /** The school's name, where the union's settings hold one: it heads the title page. */
  schoolName?: string
  /** The Shanghai days the congress meets, where set. */
  meetingStart?: string
  meetingEnd?: string
  /** When the book was made (ISO). */
  madeAt: string
}

/** Body text: 宋体 小四 (12 pt; docx sizes are half-points). */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '宋体' }
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '黑体' }
const BODY_SIZE = 24
/** A4 in twentieths of a point, with 2.5 cm margins: the text is 8,306 wide. */
const PAGE = { width: 11_906, height: 16_838, margin: 1418 }
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin
/** The form's four columns: a label, its value, a label, its value. */
const FORM_COLUMNS = [1500, 2653, 1500, 2653]
/** 目录's columns: 编号, 标题, 提案人. */
const LIST_COLUMNS = [1900, 4906, 1500]

/** Characters XML 1.0 cannot hold (a pasted control character would leave Word unable to open the file). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
const clean = (text: string) => text.replace(NOT_XML, '')

/** A text as paragraphs, one per line it was typed in (blank lines dropped); an empty text as one empty paragraph. */
function paragraphsOf(text: string, options: { indent?: boolean } = {}): Paragraph[] {
  const lines = clean(text)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  return (lines.length ? lines : ['']).map(
    (line) => new Paragraph({ children: [new TextRun(line)], spacing: { line: 360 }, ...(options.indent ? { indent: { firstLine: 480 } } : {}) }),
  )
}

const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER }

function cell(children: Paragraph[], width: number, options: { span?: number; label?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 80, bottom: 80, left: 100, right: 100 },
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.label ? { shading: { fill: 'F2F2F2' } } : {}),
  })
}

const label = (text: string) => cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] })], FORM_COLUMNS[0], { label: true })
const value = (text: string, width = FORM_COLUMNS[1]) => cell([new Paragraph({ children: [new TextRun(clean(text))] })], width)

/** A row of two labelled values. */
const pairRow = (first: [string, string], second: [string, string]) => new TableRow({ cantSplit: true, children: [label(first[0]), value(first[1]), label(second[0]), value(second[1])] })

/** A row of one labelled value across the form, as paragraphs (案由, 建议, 答复) or a line. */
const wideRow = (name: string, text: string, options: { indent?: boolean } = {}) =>
  new TableRow({ children: [label(name), cell(paragraphsOf(text, options), FORM_COLUMNS[1] + FORM_COLUMNS[2] + FORM_COLUMNS[3], { span: 3 })] })

const dayText = (day: string | undefined) => (day ? formatDay(day, true) : '—')

/** The printed proposal form (提案表) of one proposal. */
function proposalForm({ doc, authorUnitName, seconders, leadDeptName, assistDeptNames, merged }: SessionProposal): Table {
  const rows: TableRow[] = [
    pairRow(['提案编号', doc.number], ['类　　别', PROPOSAL_CATEGORY_LABELS[doc.category]]),
    wideRow('标　　题', doc.title),
    pairRow(['提 案 人', doc.delegation ? `${doc.delegation}（${doc.authorName}领衔）` : doc.authorName], ['所在单位', authorUnitName]),
    // A joint proposal's co-signers are its seconders.
    wideRow(doc.delegation ? '联 名 人' : '附 议 人', seconders.join('、') || '—'),
  ]
  if (merged.length) rows.push(wideRow('并案提案', merged.map((other) => `《${other.title}》（提案人：${other.authorName}）`).join('\n')))
  rows.push(wideRow('案　　由', doc.reasons, { indent: true }), wideRow('建　　议', doc.measures, { indent: true }))
  if (leadDeptName) rows.push(pairRow(['主办部门', leadDeptName], ['协办部门', assistDeptNames.join('、') || '—']))
  else rows.push(wideRow('承办部门', '尚未交办'))
  const { reply } = doc
  if (reply) {
    rows.push(
      pairRow(['办理结果', reply.outcome ? REPLY_OUTCOME_LABELS[reply.outcome] : '已答复'], ['完成时间', dayText(reply.completionDate)]),
      wideRow('答复内容', reply.text, { indent: true }),
      pairRow(['答复部门', reply.deptName], ['答复时间', dayText(shanghaiDay(reply.at))]),
    )
  } else {
    rows.push(wideRow('办理情况', `${PROPOSAL_STATE_LABELS[doc.state]}${doc.replyDue ? `（答复期限：${formatDay(doc.replyDue, true)}）` : ''}`))
  }
  return new Table({ rows, columnWidths: FORM_COLUMNS, width: { size: TEXT_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS })
}

/** 目录: every proposal's 编号, 标题 and 提案人, the header repeated on each page. */
function contents(proposals: readonly SessionProposal[]): Table {
  const head = new TableRow({
    tableHeader: true,
    children: ['编号', '标题', '提案人'].map((text, i) => cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] })], LIST_COLUMNS[i], { label: true })),
  })
  const rows = proposals.map(
    ({ doc }) =>
      new TableRow({
        cantSplit: true,
        children: [doc.number, doc.title, doc.authorName].map((text, i) => cell([new Paragraph({ alignment: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER, children: [new TextRun(clean(text))] })], LIST_COLUMNS[i])),
      }),
  )
  return new Table({ rows: [head, ...rows], columnWidths: LIST_COLUMNS, width: { size: TEXT_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS })
}

/** The book's title: 湖州师范学院六届二次教职工代表大会提案汇编, or without a school's name. */
export const bookTitle = (cover: Pick<BookCover, 'sessionName' | 'schoolName'>) => `${cover.schoolName ?? ''}${cover.sessionName}教职工代表大会提案汇编`

function meetingText({ meetingStart, meetingEnd }: BookCover): string | undefined {
  if (!meetingStart) return undefined
  return meetingEnd && meetingEnd !== meetingStart ? `会议时间：${formatDay(meetingStart, true)}至${formatDay(meetingEnd, true)}` : `会议时间：${formatDay(meetingStart, true)}`
}

const centered = (text: string, size: number, options: { bold?: boolean; heading?: boolean; before?: number; after?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    children: [new TextRun({ text: clean(text), size, bold: options.bold ?? false, ...(options.heading ? { font: HEADING_FONT } : {}) })],
  })

/** The title page: the title a third of the way down (set by spacing, which Word and WPS show alike), then the facts. */
function titlePage(cover: BookCover, count: number): Paragraph[] {
  const meeting = meetingText(cover)
  return [
    ...(cover.schoolName ? [centered(cover.schoolName, 44, { heading: true, before: 2400, after: 400 })] : []),
    centered(`${cover.sessionName}教职工代表大会`, 44, { heading: true, before: cover.schoolName ? 0 : 2400, after: 600 }),
    centered('提案汇编', 72, { heading: true, bold: true, after: 2400 }),
    centered(`共立案 ${count} 件`, 30, { after: 200 }),
    ...(meeting ? [centered(meeting, 30, { after: 200 })] : []),
    centered('教代会提案工作委员会　编', 30, { after: 200 }),
    centered(inShanghai(cover.madeAt).format('YYYY年M月'), 30),
  ]
}

/** The .docx of the session's accepted proposals, `proposals` in the order given (the caller sorts them by number). */
export async function proposalBook(cover: BookCover, proposals: readonly SessionProposal[]): Promise<Buffer> {
  const pageProperties = { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } }
  const pageNumbers = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 21 })] })] })
  const body = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun('目　　录')] }),
    ...(proposals.length ? [contents(proposals)] : [centered('本届次尚无立案的提案', BODY_SIZE, { before: 400 })]),
    ...proposals.flatMap((proposal) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, pageBreakBefore: true, children: [new TextRun(clean(`${proposal.doc.number}　${proposal.doc.title}`))] }),
      proposalForm(proposal),
    ]),
  ]
  const document = new Document({
    creator: '教工之家',
    title: bookTitle(cover),
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: BODY_SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 360 }, keepNext: true } },
      },
    },
    sections: [
      { properties: { page: pageProperties }, children: titlePage(cover, proposals.length) },
      { properties: { page: { ...pageProperties, pageNumbers: { start: 1 } }, type: SectionType.NEXT_PAGE }, footers: { default: pageNumbers }, children: body },
    ],
  })
  return Packer.toBuffer(document)
}
