/** An event's sign-ups as an .xlsx sheet: one row per sign-up, the form's questions as columns. */
import type { FormAnswer } from '../../types/events'
import { toShanghaiInput } from '../../types/time'
import type { EventDoc } from '../core/collections'
import { headedSheet, newWorkbook, workbookBuffer } from './workbook'

export interface ParticipantLine {
  name: string
  staffNo: string
  unitName: string
  phone: string
  status: string
  signedUpAt: string
  checkedInAt?: string
  answers: Record<string, FormAnswer>
}

const answerText = (answer: FormAnswer | undefined) => (answer === undefined ? '' : Array.isArray(answer) ? answer.join('、') : String(answer))

export async function participantsSheet(event: Pick<EventDoc, 'title' | 'form'>, lines: readonly ParticipantLine[]): Promise<Buffer> {
  const workbook = newWorkbook()
  const sheet = headedSheet(workbook, '报名名单', [
    { header: '序号', key: 'index', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    // 工号 and 手机号 as text, so Excel keeps leading zeros and never shows 1.38E+10.
    { header: '工号', key: 'staffNo', width: 12, style: { numFmt: '@' } },
    { header: '分工会', key: 'unitName', width: 22 },
    { header: '手机号', key: 'phone', width: 14, style: { numFmt: '@' } },
    { header: '状态', key: 'status', width: 12 },
    { header: '报名时间', key: 'signedUpAt', width: 18 },
    { header: '签到时间', key: 'checkedInAt', width: 18 },
    ...event.form.map((field) => ({ header: field.label, key: `answer.${field.key}`, width: Math.max(10, field.label.length * 2 + 4) })),
  ])
  lines.forEach((line, index) => {
    sheet.addRow({
      index: index + 1,
      name: line.name,
      staffNo: line.staffNo,
      unitName: line.unitName,
      phone: line.phone,
      status: line.status,
      signedUpAt: toShanghaiInput(line.signedUpAt),
      checkedInAt: line.checkedInAt ? toShanghaiInput(line.checkedInAt) : '',
      ...Object.fromEntries(event.form.map((field) => [`answer.${field.key}`, answerText(line.answers[field.key])])),
    })
  })
  return workbookBuffer(workbook)
}
