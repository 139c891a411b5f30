/**
 * Congress proposals (教代会提案) and suggestions (合理化建议): the vocabulary both sides share. How a proposal moves
 * (domain.md): a delegate drafts it, invites seconders (附议) and submits it once enough have confirmed; the proposal
 * committee accepts it (立案, numbered), merges it into another (并案), converts it to a suggestion or rejects it; an
 * accepted one is assigned to a lead department (主办) and assisting ones (协办), which reply; the author rates the
 * reply, an unsatisfied rating sends it back to be handled again, and the committee closes it (办结). A suggestion
 * (anyone's, at any time, or a converted proposal) is answered by the union office or forwarded to a department.
 */

export const PROPOSAL_KINDS = ['proposal', 'suggestion'] as const
export type ProposalKind = (typeof PROPOSAL_KINDS)[number]

export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  proposal: '提案',
  suggestion: '意见建议',
}

export const PROPOSAL_CATEGORIES = ['teachingResearch', 'personnelPay', 'logistics', 'campus', 'welfare', 'other'] as const
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number]

export const PROPOSAL_CATEGORY_LABELS: Record<ProposalCategory, string> = {
  teachingResearch: '教学科研',
  personnelPay: '人事分配',
  logistics: '后勤保障',
  campus: '校园建设',
  welfare: '福利待遇',
  other: '其他',
}

export const PROPOSAL_STATES = [
  'draft',
  'seconding',
  'submitted',
  'accepted',
  'merged',
  'converted',
  'rejected',
  'assigned',
  'replied',
  'rated',
  'rehandling',
  'closed',
] as const
export type ProposalState = (typeof PROPOSAL_STATES)[number]

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  draft: '草稿',
  seconding: '征集附议中',
  submitted: '待审查',
  accepted: '已立案',
  merged: '已并案',
  converted: '已转为意见建议',
  rejected: '不予立案',
  assigned: '办理中',
  replied: '已答复',
  rated: '已评价',
  rehandling: '重新办理中',
  closed: '已办结',
}

/** The steps that move a proposal or suggestion from one state to the next (cloudfunctions/proposals/workflow.ts). */
export const PROPOSAL_STEPS = ['invite', 'recall', 'submit', 'accept', 'merge', 'convert', 'reject', 'assign', 'forward', 'answer', 'reply', 'rate', 'close'] as const
export type ProposalStep = (typeof PROPOSAL_STEPS)[number]

export const PROPOSAL_STEP_LABELS: Record<ProposalStep, string> = {
  invite: '邀请附议',
  recall: '撤回修改',
  submit: '提交',
  accept: '立案',
  merge: '并案',
  convert: '转为意见建议',
  reject: '不予立案',
  assign: '交办',
  forward: '转交部门',
  answer: '直接答复',
  reply: '答复',
  rate: '评价',
  close: '办结',
}

/** Who someone is to one proposal: what lets them take a step (worked out by the handler, never sent by the app). */
export const PROPOSAL_ACTORS = ['author', 'seconder', 'committee', 'unionOffice', 'leadDept', 'assistDept', 'member'] as const
export type ProposalActor = (typeof PROPOSAL_ACTORS)[number]

export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
}

/** A department's answer to a proposal: adopted (measures, a completion date), planned, or not adopted (why). */
export const REPLY_OUTCOMES = ['adopted', 'planned', 'notAdopted'] as const
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number]

export const REPLY_OUTCOME_LABELS: Record<ReplyOutcome, string> = {
  adopted: '已采纳',
  planned: '列入计划',
  notAdopted: '暂不采纳',
}
