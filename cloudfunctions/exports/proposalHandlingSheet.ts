/**
 * 提案办理情况表: a congress session's accepted proposals as an .xlsx, one row each in number order: who handles it
 * (主办, 协办), when it was assigned (交办) and is due, when it was answered and how, whether it is overdue, how the author
 * rated it, how often it went back to the department, and where it stands. Days are Shanghai days, as text.
 */
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATE_LABELS, REPLY_OUTCOME_LABELS, SATISFACTION_LABELS } from '../../types/proposals'
import { shanghaiDay } from '../../types/time'
import type { ProposalDoc } from '../core/collections'
import type { SessionProposal } from './sessionProposals'
import { headedSheet, newWorkbook, workbookBuffer } from './workbook'

/**
 * Whether its reply is late on `today` (a Shanghai day): answered after the day it was due, or awaiting an answer
 * (assigned, or sent back by an unsatisfied rating) past it. Undefined while it has no due day (not yet assigned).
 */
export function isLate(doc: Pick<ProposalDoc, 'state' | 'replyDue' | 'reply'>, today: string): boolean | undefined {
  if (!doc.replyDue) return undefined
  const awaiting = doc.state === 'assigned' || doc.state === 'rehandling'
  if (awaiting && today > doc.replyDue) return true
  return doc.reply !== undefined && shanghaiDay(doc.reply.at) > doc.replyDue
}

export async function proposalHandlingSheet(sessionName: string, proposals: readonly SessionProposal[], today: string): Promise<Buffer> {
  const workbook = newWorkbook()
  workbook.title = `${sessionName}提案办理情况表`
  const sheet = headedSheet(workbook, '提案办理情况', [
    { header: '编号', key: 'number', width: 16 },
    { header: '标题', key: 'title', width: 40 },
    { header: '类别', key: 'category', width: 10 },
    { header: '提案人', key: 'author', width: 10 },
    { header: '主办部门', key: 'lead', width: 16 },
    { header: '协办部门', key: 'assists', width: 22 },
    { header: '交办日期', key: 'assignedOn', width: 12 },
    { header: '答复期限', key: 'replyDue', width: 12 },
    { header: '答复日期', key: 'repliedOn', width: 12 },
    { header: '办理结果', key: 'outcome', width: 10 },
    { header: '是否超期', key: 'late', width: 10 },
    { header: '满意度', key: 'satisfaction', width: 10 },
    { header: '重新办理次数', key: 'rehandled', width: 14 },
    { header: '状态', key: 'state', width: 12 },
  ])
  for (const { doc, leadDeptName, assistDeptNames } of proposals) {
    const assigned = doc.history.find((record) => record.step === 'assign')
    const late = isLate(doc, today)
    sheet.addRow({
      number: doc.number,
      title: doc.title,
      category: PROPOSAL_CATEGORY_LABELS[doc.category],
      author: doc.authorName,
      lead: leadDeptName ?? '',
      assists: assistDeptNames.join('、'),
      assignedOn: assigned ? shanghaiDay(assigned.at) : '',
      replyDue: doc.replyDue ?? '',
      repliedOn: doc.reply ? shanghaiDay(doc.reply.at) : '',
      outcome: doc.reply?.outcome ? REPLY_OUTCOME_LABELS[doc.reply.outcome] : doc.reply ? '已答复' : '',
      late: late === undefined ? '' : late ? '是' : '否',
      satisfaction: doc.rating ? SATISFACTION_LABELS[doc.rating.satisfaction] : '',
      rehandled: doc.rehandled ?? 0,
      state: PROPOSAL_STATE_LABELS[doc.state],
    })
  }
  return workbookBuffer(workbook)
}
