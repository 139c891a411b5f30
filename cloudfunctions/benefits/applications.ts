/**
 * Life-event 慰问 applications (婚, 育, 住院, 退休, 亡故): a member applies (or their unit admin for them), the unit admin
 * checks, the union office decides; approving writes the payout to the ledger, where the kind's cap is checked.
 *
 * Every step is safe against a second person taking it at once. Applying is one transaction on the application,
 * whose id names the event (applicationRules.ts), so the same event cannot be applied for twice. A check and a
 * return are each one transaction on the application (with its audit entry and message). An approval first claims
 * the application (`approving`, for a lease as long as the function may run), then writes the payout (its id names
 * the application, so it is written once), then records the decision; a cap that refuses the payout hands the
 * application back. An approval cut off midway is finished by approving again once its lease has run out.
 */
import { BENEFIT_KIND_LABELS } from '../../types/benefits'
import {
  APPLICATION_STATE_LABELS,
  APPLICATION_STEP_LABELS,
  ApplicationIdSchema,
  ApplicationQueueSchema,
  ApplicationSchema,
  ApplyForSchema,
  CheckApplicationSchema,
  DecideApplicationSchema,
  MyApplicationsSchema,
  defaultItem,
  type ApplicationDetail,
  type ApplicationInput,
  type ApplicationStep,
  type ApplicationView,
} from '../../types/benefitApplications'
import { formatDay, shanghaiDay, shanghaiYear } from '../../types/time'
import { memberTarget, recordAudit, type AuditRecord } from '../core/audit'
import { scopesOf, unionOffice, unitAdmin } from '../core/authorize'
import type { BenefitApplicationDoc, BenefitPayoutDoc, MemberDoc } from '../core/collections'
import { action, type ActionContext } from '../core/defineFunction'
import { AppError, forbidden, notFound } from '../core/errors'
import type { FileStore } from '../core/files/port'
import { notify } from '../core/notify'
import { mustGet, pageOf } from '../core/queries'
import { newId, type Store, type Transaction } from '../core/store/port'
import { unitNames } from '../core/units'
import { applicationAuditFields, applicationIdOf, dateProblem, newApplication, ownStepRefusal, payoutAuditFields, publicState, shortRef, stateRefusal, storedStates, toApplicationView } from './applicationRules'
import config from './config.json'
import { policyForPayout, recordPayout, tallyId } from './ledger'
import { checkProofs, holdProofs, proofLinks, releaseProofs } from './proofs'
import { capRefusal, ineligibility } from './rules'

/** How long an approval holds the application while it writes the payout: longer than the function may run. */
const APPROVING_MS = 2 * config.timeout * 1000

/** The unit of the application the input names: its admin checks it and sees its proofs. */
const applicationUnit = async ({ applicationId }: { applicationId: string }, store: Store) => (await store.get('benefitApplications', applicationId))?.unitId
/** The unit of the member the input names: its admin applies for them (or reports their hardship). */
export const memberUnit = async ({ memberId }: { memberId: string }, store: Store) => (await store.get('members', memberId))?.unitId

/** The union office may take a unit admin's steps too, for a unit that has no admin. */
const UNIT_STEP = [unionOffice, unitAdmin(applicationUnit)]

const auditTarget = (application: Pick<BenefitApplicationDoc, 'kind' | 'memberName' | 'staffNo'>) =>
  `${BENEFIT_KIND_LABELS[application.kind]}：${memberTarget({ name: application.memberName, staffNo: application.staffNo })}`
const applicationAudit = (application: BenefitApplicationDoc, action: AuditRecord['action'], extra: Partial<AuditRecord> = {}): AuditRecord => ({
  action,
  targetType: 'benefitApplication',
  targetId: application._id,
  target: auditTarget(application),
  ...extra,
})

async function viewOf(store: Store, application: BenefitApplicationDoc): Promise<ApplicationView> {
  return toApplicationView(application, await unitNames(store))
}

/** Applications with links to their proof images, in one call to the file store. */
async function withProofLinks(files: FileStore, applications: ApplicationView[], docs: BenefitApplicationDoc[]): Promise<ApplicationDetail[]> {
  const links = await proofLinks(files, docs)
  return applications.map((view, i) => ({ ...view, proofUrls: links[i] }))
}

const appliedAlready = (earlier: BenefitApplicationDoc) =>
  new AppError(
    'CONFLICT',
    `这件事已申请过${BENEFIT_KIND_LABELS[earlier.kind]}（${formatDay(shanghaiDay(earlier.appliedAt), true)}提交，${APPLICATION_STATE_LABELS[publicState(earlier.state)]}），同一件事只能申请一次`,
  )

/**
 * Files `input` for `member` (by themselves or their unit admin `by`), or takes up their returned application for the
 * same event again. `field` is where the input sits in the payload ('' or 'application.'), for the form's messages.
 */
async function submit({ store, files, now }: Pick<ActionContext<'member'>, 'store' | 'files' | 'now'>, member: MemberDoc, input: ApplicationInput, by: MemberDoc, field: string): Promise<ApplicationView> {
  const today = shanghaiDay(now)
  const label = BENEFIT_KIND_LABELS[input.kind]
  const dates = dateProblem(input, today)
  if (dates) throw new AppError('INVALID_INPUT', dates.message, { [`${field}${dates.field}`]: dates.message })
  const policy = await store.get('benefitPolicies', input.kind)
  if (!policy) throw new AppError('CONFLICT', `校工会尚未设置${label}的福利政策，暂不能申请，请联系校工会`)
  const who = by._id === member._id ? '您' : member.name
  const why = ineligibility(policy, member, today)
  if (why) throw forbidden(`${who}不符合${label}的条件：${why}`)
  // A cap used up, or a once-a-year kind given already, refuses now: even one fen more would not fit.
  const full = capRefusal(policy, await store.get('benefitTallies', tallyId(shanghaiYear(now), member._id, input.kind)), 1)
  if (full) throw new AppError('CONFLICT', `${full}，暂不能申请`)
  await checkProofs(files, input.proofFileIds, `${field}proofFileIds`)

  const fresh = newApplication(applicationIdOf(member._id, input), member, input, by, now)
  const written = await store.transaction(async (tx) => {
    const earlier = await tx.get('benefitApplications', fresh._id)
    if (earlier && earlier.state !== 'returned') throw appliedAlready(earlier)
    const { _id, returns, ...fields } = fresh
    if (earlier) {
      const dropped = Object.keys(earlier).filter((key) => !(key in fresh))
      await tx.updateById('benefitApplications', _id, { $set: fields, ...(dropped.length ? { $unset: Object.fromEntries(dropped.map((key) => [key, true as const])) } : {}) })
    } else await tx.insert('benefitApplications', fresh)
    await holdProofs(tx, input.proofFileIds)
    const application = { ...fresh, returns: earlier?.returns ?? returns }
    if (by._id !== member._id) await recordAudit(tx, by, now, applicationAudit(application, 'benefits.applyFor', { after: applicationAuditFields(application) }))
    return application
  })
  return viewOf(store, written)
}

/** Returns the application at `step` with the reason, telling its member, in the transaction that reads it. */
async function giveBack(tx: Transaction, application: BenefitApplicationDoc, step: ApplicationStep, reason: string, actor: MemberDoc, now: Date): Promise<BenefitApplicationDoc> {
  const at = now.toISOString()
  const returns = [...application.returns, { step, byId: actor._id, byName: actor.name, at, reason }]
  await tx.updateById('benefitApplications', application._id, { $set: { state: 'returned', returns, updatedAt: at } })
  const returned: BenefitApplicationDoc = { ...application, state: 'returned', returns, updatedAt: at }
  await releaseProofs(tx, returned.proofFileIds, now)
  await notify(tx, now, [application.memberId], {
    kind: 'benefitApplication',
    subject: `application:${application._id}:returned:${returns.length}`,
    data: { applicationId: application._id, kind: application.kind, change: 'returned', by: APPLICATION_STEP_LABELS[step], reason },
  })
  const action = step === 'unit' ? 'benefits.checkApplication' : 'benefits.decideApplication'
  await recordAudit(tx, actor, now, applicationAudit(application, action, { before: applicationAuditFields(application), after: { 状态: `已退回（${APPLICATION_STEP_LABELS[step]}）`, 退回原因: reason } }))
  return returned
}

/** The application in the transaction, for a step that needs it in `state` and someone other than its member or filer. */
async function forStep(tx: Transaction, applicationId: string, actor: MemberDoc, step: 'check' | 'decide'): Promise<BenefitApplicationDoc> {
  const application = await tx.get('benefitApplications', applicationId)
  if (!application) throw notFound('慰问申请')
  const own = ownStepRefusal(application, actor._id, step)
  if (own) throw forbidden(own)
  const state = stateRefusal(application, step === 'check' ? 'submitted' : 'checked')
  if (state) throw new AppError('CONFLICT', state)
  return application
}

export interface Approval {
  amount: number
  form: BenefitPayoutDoc['form']
  item?: string
}

/** The ledger entry an approval writes: its id names the application, so it is written once. */
export function approvalPayout(application: BenefitApplicationDoc, member: MemberDoc, { amount, form, item }: Approval, actor: MemberDoc, now: Date): BenefitPayoutDoc {
  return {
    _id: `application-${application._id}`,
    memberId: member._id,
    memberName: member.name,
    staffNo: member.staffNo,
    unitId: application.unitId,
    kind: application.kind,
    year: shanghaiYear(now),
    item: item ?? defaultItem(application.kind, form),
    amountFen: amount,
    form,
    issuedAt: now.toISOString(),
    source: { type: 'application', applicationId: application._id },
    approvalRef: `慰问申请 ${shortRef(application._id)}（${actor.name}审批）`,
    approverId: actor._id,
    approverName: actor.name,
    handout: { kind: 'unit' },
  }
}

/** Approves: claims the application, writes its payout under the cap, records the decision (see the top of the file). */
async function approveApplication(store: Store, applicationId: string, approval: Approval, actor: MemberDoc, now: Date): Promise<BenefitApplicationDoc> {
  const application = await mustGet(store, 'benefitApplications', applicationId, '慰问申请')
  const own = ownStepRefusal(application, actor._id, 'decide')
  if (own) throw forbidden(own)
  const at = now.toISOString()
  const resumable = application.state === 'approving' && application.approvingUntil! < at
  const state = resumable ? undefined : stateRefusal(application, 'checked')
  if (state) throw new AppError('CONFLICT', state)
  const label = BENEFIT_KIND_LABELS[application.kind]
  const [policy, member] = await Promise.all([policyForPayout(store, application.kind, approval.form), mustGet(store, 'members', application.memberId, '会员')])
  const why = ineligibility(policy, member, shanghaiDay(now))
  if (why) throw forbidden(`${member.name}现在不符合${label}的条件：${why}。不能批准，可退回并说明原因`)

  const token = newId()
  const claimed = await store.claim(
    'benefitApplications',
    applicationId,
    { $or: [{ state: 'checked' }, { state: 'approving', approvingUntil: { $lt: at } }] },
    { $set: { state: 'approving', approvingToken: token, approvingUntil: new Date(now.getTime() + APPROVING_MS).toISOString() } },
  )
  if (!claimed) throw new AppError('CONFLICT', stateRefusal((await store.get('benefitApplications', applicationId))!, 'checked') ?? '这份申请刚刚有了变化，请刷新后查看')
  const payout = approvalPayout(application, member, approval, actor, now)
  try {
    await recordPayout(store, policy, payout, now)
  } catch (error) {
    // Refused (the cap, with what is left): the application waits for a decision again.
    await store.claim('benefitApplications', applicationId, { approvingToken: token }, { $set: { state: 'checked' }, $unset: { approvingToken: true, approvingUntil: true } })
    throw error
  }
  return store.transaction(async (tx) => {
    const held = (await tx.get('benefitApplications', applicationId))!
    if (held.approvingToken !== token) return held
    // The payout written: this call's, or that of an approval cut off before it got here.
    const paid = (await tx.get('benefitPayouts', payout._id))!
    const decision = { decidedAt: paid.issuedAt, decidedById: paid.approverId, decidedByName: paid.approverName, payoutId: paid._id, amountFen: paid.amountFen, form: paid.form, item: paid.item }
    await tx.updateById('benefitApplications', applicationId, { $set: { state: 'approved', ...decision, updatedAt: at }, $unset: { approvingToken: true, approvingUntil: true } })
    const approved: BenefitApplicationDoc = { ...held, state: 'approved', ...decision, updatedAt: at }
    await releaseProofs(tx, approved.proofFileIds, now)
    await recordAudit(tx, actor, now, applicationAudit(approved, 'benefits.decideApplication', { before: applicationAuditFields(application), after: { 状态: APPLICATION_STATE_LABELS.approved, ...payoutAuditFields(paid) } }))
    return approved
  })
}

/** The `benefits` function's life-event application actions. */
export const applicationActions = {
  apply: action({
    allow: 'member',
    input: ApplicationSchema,
    async handle(input, context) {
      if (input.kind === 'bereavement') {
        const message = '会员亡故慰问由所在分工会代为申请'
        throw new AppError('INVALID_INPUT', message, { kind: message })
      }
      return submit(context, context.member, input, context.member, '')
    },
  }),

  applyFor: action({
    allow: [unionOffice, unitAdmin(memberUnit)],
    input: ApplyForSchema,
    async handle({ memberId, application }, context) {
      const member = await mustGet(context.store, 'members', memberId, '会员')
      return submit(context, member, application, context.member, 'application.')
    },
  }),

  myApplications: action({
    allow: 'member',
    input: MyApplicationsSchema,
    async handle({ offset, limit }, { store, files, member }) {
      const found = await store.find('benefitApplications', { memberId: member._id }, { sort: { appliedAt: -1 }, skip: offset, limit: limit + 1 })
      const docs = found.slice(0, limit)
      const units = await unitNames(store)
      return { items: await withProofLinks(files, docs.map((doc) => toApplicationView(doc, units)), docs), hasMore: found.length > limit }
    },
  }),

  applicationQueue: action({
    allow: [unionOffice, unitAdmin(({ unitId }: { unitId?: string }) => unitId)],
    input: ApplicationQueueSchema,
    async handle({ unitId, state: asked, offset, limit }, { store, grants }) {
      const state = asked ?? (scopesOf(grants, 'unitAdmin') === 'all' ? 'checked' : 'submitted')
      // What waits, oldest first; what is done, newest first.
      const order = state === 'submitted' || state === 'checked' ? 1 : -1
      const [found, units] = await Promise.all([
        store.find('benefitApplications', { state: { $in: storedStates(state) }, ...(unitId ? { unitId } : {}) }, { sort: { appliedAt: order, _id: order }, skip: offset, limit: limit + 1 }),
        unitNames(store),
      ])
      return pageOf(
        found.map((doc) => toApplicationView(doc, units)),
        limit,
      )
    },
  }),

  application: action({
    allow: UNIT_STEP,
    input: ApplicationIdSchema,
    async handle({ applicationId }, { store, files, now, member }) {
      const application = await mustGet(store, 'benefitApplications', applicationId, '慰问申请')
      const [detail] = await withProofLinks(files, [await viewOf(store, application)], [application])
      // Proofs are sensitive (a hospital stay, a death): every look at them is in the log.
      await recordAudit(store, member, now, applicationAudit(application, 'benefits.viewApplication', { after: { 证明材料: `${detail.proofUrls.length} 张` } }))
      return detail
    },
  }),

  checkApplication: action({
    allow: UNIT_STEP,
    input: CheckApplicationSchema,
    async handle(input, { store, now, member }) {
      const done = await store.transaction(async (tx) => {
        const application = await forStep(tx, input.applicationId, member, 'check')
        if (!input.approve) return giveBack(tx, application, 'unit', input.reason, member, now)
        const checked = { checkedAt: now.toISOString(), checkedById: member._id, checkedByName: member.name }
        await tx.updateById('benefitApplications', application._id, { $set: { state: 'checked', ...checked, updatedAt: checked.checkedAt } })
        await notify(tx, now, [application.memberId], {
          kind: 'benefitApplication',
          subject: `application:${application._id}:checked:${application.returns.length}`,
          data: { applicationId: application._id, kind: application.kind, change: 'checked' },
        })
        await recordAudit(tx, member, now, applicationAudit(application, 'benefits.checkApplication', { before: applicationAuditFields(application), after: { 状态: APPLICATION_STATE_LABELS.checked } }))
        return { ...application, state: 'checked' as const, ...checked }
      })
      return viewOf(store, done)
    },
  }),

  decideApplication: action({
    allow: [unionOffice],
    input: DecideApplicationSchema,
    async handle(input, { store, now, member }) {
      const done = input.approve
        ? await approveApplication(store, input.applicationId, input, member, now)
        : await store.transaction(async (tx) => giveBack(tx, await forStep(tx, input.applicationId, member, 'decide'), 'office', input.reason, member, now))
      return viewOf(store, done)
    },
  }),
}
