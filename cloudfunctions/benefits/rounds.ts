/**
 * Festival rounds (节日慰问): the union office previews a round and applies it; the round's recipients are fixed as
 * it is applied, and their entitlements written a few members at a time (each member's gifts in one transaction with
 * the cap check and their message). A call that runs short of time leaves the round 发放中; the next call (the page
 * goes on by itself) or the job finishes it. Unit admins then hand the gifts out and mark who has collected.
 */
import { BENEFIT_FORM_LABELS, formatYuan, handoutText } from '../../types/benefits'
import {
  ApplyRoundSchema,
  MarkReceivedSchema,
  RoundIdSchema,
  RoundInputSchema,
  RoundsSchema,
  RoundUnitSchema,
  type FestivalRoundsApi,
  type HandoutRow,
  type RoundDetail,
  type RoundHandout,
  type RoundInput,
  type RoundSummary,
} from '../../types/festivalRounds'
import { MEMBER_STATUS_LABELS } from '../../types/members'
import { shanghaiDay, shanghaiYear } from '../../types/time'
import { recordAudit } from '../core/audit'
import { anyScope, unionOffice, unitAdmin } from '../core/authorize'
import type { BenefitPayoutDoc, BenefitRoundDoc, MemberDoc, RoundLeftOut } from '../core/collections'
import { action, type ActionsOf } from '../core/defineFunction'
import { AppError, notFound } from '../core/errors'
import { findAllById } from '../core/queries'
import type { Batch, JobContext } from '../core/jobs'
import type { Store } from '../core/store/port'
import { unitNames } from '../core/units'
import { recordPayouts } from './ledger'
import { leftOutViews, overBudget, planRound, unitRows, type RoundPlan } from './roundPlan'

/** Members paid side by side: few enough not to crowd a CloudBase environment's connections. */
const PAYOUTS_AT_ONCE = 20
/** How long one call writes a round's payouts: well inside the function's 20 s, with room for its answer. */
const ROUND_CALL_MS = 12_000

/** The round's gifts for one member, as the ledger writes them: one entry per gift, each with its own form. */
function roundPayouts(round: BenefitRoundDoc, member: Pick<MemberDoc, '_id' | 'name' | 'staffNo' | 'unitId'>, now: Date): BenefitPayoutDoc[] {
  return round.items.map((item, index) => ({
    _id: `festival-${round._id}-${member._id}-${index + 1}`,
    memberId: member._id,
    memberName: member.name,
    staffNo: member.staffNo,
    unitId: member.unitId,
    kind: 'festival',
    year: round.year,
    item: item.item,
    amountFen: item.amountFen,
    form: item.form,
    issuedAt: now.toISOString(),
    source: { type: 'festivalRound', roundId: round._id },
    roundId: round._id,
    approvalRef: `${round.title}（${shanghaiDay(round.createdAt)} 发放）`,
    approverId: round.createdById,
    approverName: round.createdByName,
    handout: round.handout,
    deadline: round.deadline,
  }))
}

/** Adds members the cap refused as their payouts were written to the round's left-out list (once each). */
async function recordRefusals(store: Store, roundId: string, refused: RoundLeftOut[]): Promise<void> {
  await store.transaction(async (tx) => {
    const round = await tx.get('benefitRounds', roundId)
    const listed = new Set(round!.leftOut.map((entry) => entry.memberId))
    await tx.updateById('benefitRounds', roundId, { $set: { leftOut: [...round!.leftOut, ...refused.filter((entry) => !listed.has(entry.memberId))] } })
  })
}

/**
 * Writes the round's payouts from where it stands, while `timeLeft` allows, and marks it applied when every
 * recipient is handled. Safe to run twice at once: a member's payouts are written once, whoever gets there first.
 */
async function payRound(store: Store, round: BenefitRoundDoc, now: Date, timeLeft: () => number): Promise<void> {
  const policy = { kind: 'festival' as const, ...round.cap }
  const total = round.recipientIds.length
  for (let from = round.paid; from < total; from += PAYOUTS_AT_ONCE) {
    if (timeLeft() <= 0) return
    const to = Math.min(from + PAYOUTS_AT_ONCE, total)
    const members = await store.find('members', { _id: { $in: round.recipientIds.slice(from, to) } }, { fields: ['name', 'staffNo', 'unitId'] })
    const refused: RoundLeftOut[] = []
    await Promise.all(
      members.map((member) =>
        recordPayouts(store, policy, roundPayouts(round, member, now), now).catch((error: unknown) => {
          // Another round (or a lowered cap) took this member past the cap since the round was planned.
          if (!(error instanceof AppError)) throw error
          refused.push({ memberId: member._id, name: member.name, staffNo: member.staffNo, unitId: member.unitId, reason: `发放时${error.message}` })
        }),
      ),
    )
    if (refused.length) await recordRefusals(store, round._id, refused)
    await store.claim('benefitRounds', round._id, { paid: { $lt: to } }, { $set: { paid: to } })
  }
  await store.claim('benefitRounds', round._id, { state: 'applying' }, { $set: { state: 'applied', appliedAt: now.toISOString() } })
}

const untilAfter = (ms: number) => {
  const until = Date.now() + ms
  return () => until - Date.now()
}

/** A round in one line; its recipients counted from its units' counts (the list reads no recipient ids). */
function summaryOf(round: Pick<BenefitRoundDoc, '_id' | 'festival' | 'title' | 'date' | 'state' | 'unitCounts' | 'totalFen' | 'budgetFen' | 'createdAt' | 'createdByName'>): RoundSummary {
  const { _id, festival, title, date, state, unitCounts, totalFen, budgetFen, createdAt, createdByName } = round
  const count = unitCounts.reduce((sum, unit) => sum + unit.count, 0)
  return { id: _id, festival, title, date, state, count, totalFen, budgetFen, createdAt, createdByName }
}

/** The round's payouts (of one unit, if given): who has been paid, and who has collected. */
function payoutsOf(store: Store, roundId: string, unitId?: string): Promise<BenefitPayoutDoc[]> {
  return findAllById(store, 'benefitPayouts', { roundId, ...(unitId ? { unitId } : {}) }, ['memberId', 'memberName', 'staffNo', 'unitId', 'receivedAt', 'receivedByName'])
}

/** Each paid member once (with their unit): collected when every one of their gifts is, at the last one's time. */
function recipientsOf(payouts: BenefitPayoutDoc[]): (HandoutRow & { unitId: string })[] {
  const gifts = new Map<string, typeof payouts>()
  for (const payout of payouts) gifts.set(payout.memberId, [...(gifts.get(payout.memberId) ?? []), payout])
  return [...gifts.values()].map((own) => {
    const [{ memberId, memberName: name, staffNo, unitId }] = own
    const last = own.every((gift) => gift.receivedAt) ? own.reduce((a, b) => (a.receivedAt! >= b.receivedAt! ? a : b)) : undefined
    return { memberId, name, staffNo, unitId, ...(last ? { receivedAt: last.receivedAt, receivedByName: last.receivedByName } : {}) }
  })
}

const itemViews = (round: BenefitRoundDoc) => round.items.map(({ item, amountFen, form }) => ({ item, amountFen, form }))

async function detailOf(store: Store, round: BenefitRoundDoc): Promise<RoundDetail> {
  const [payouts, units] = await Promise.all([payoutsOf(store, round._id), unitNames(store)])
  const received = new Map<string, number>()
  const collected = recipientsOf(payouts).filter((row) => row.receivedAt)
  for (const row of collected) received.set(row.unitId, (received.get(row.unitId) ?? 0) + 1)
  return {
    ...summaryOf(round),
    items: itemViews(round),
    handoutText: handoutText(round.handout),
    deadline: round.deadline,
    paid: round.state === 'applied' ? round.recipientIds.length : Math.min(round.paid, round.recipientIds.length),
    units: unitRows(round.unitCounts, received, units),
    received: collected.length,
    leftOut: leftOutViews(round.leftOut, units),
  }
}

async function handoutOf(store: Store, round: BenefitRoundDoc, unitId: string): Promise<RoundHandout> {
  const [payouts, units] = await Promise.all([payoutsOf(store, round._id, unitId), unitNames(store)])
  return {
    roundId: round._id,
    title: round.title,
    unitName: units.get(unitId) ?? '',
    items: itemViews(round),
    deadline: round.deadline,
    rows: recipientsOf(payouts)
      .map(({ unitId: _unit, ...row }) => row)
      .sort((a, b) => a.staffNo.localeCompare(b.staffNo)),
  }
}

async function roundOf(store: Store, roundId: string): Promise<BenefitRoundDoc> {
  const round = await store.get('benefitRounds', roundId)
  if (!round) throw notFound('节日慰问')
  return round
}

/** Why a plan cannot be applied now, in words: over its budget, or its festival's round already given. */
async function blockOf(store: Store, plan: RoundPlan, budgetFen: number): Promise<string | undefined> {
  const given = await store.get('benefitRounds', plan.id)
  if (given) return `${given.title}已于 ${shanghaiDay(given.createdAt)} 发放，每个节日每年发放一轮`
  return overBudget(plan, budgetFen)
}

/** The round in words, for the audit log. */
function roundAuditFields(input: RoundInput, plan: RoundPlan): Record<string, unknown> {
  return {
    节日: `${plan.title}（${plan.date}）`,
    礼品: input.items.map((item) => `${item.item} ${formatYuan(item.amount)}（${BENEFIT_FORM_LABELS[item.form]}）`).join(' + '),
    发放对象: `${input.audience.statuses.map((status) => MEMBER_STATUS_LABELS[status]).join('、')}${input.audience.unitIds ? `，${input.audience.unitIds.length} 个分工会` : '，全部分工会'}${input.audience.duesPaidOnly ? '，仅限已缴会费' : ''}`,
    发放方式: handoutText(input.handout),
    人数: plan.recipients.length,
    合计: formatYuan(plan.totalFen),
    预算: formatYuan(input.budget),
    未发放: plan.leftOut.length,
  }
}

/**
 * Gives a round as its preview showed it (`expected`): fixes its recipients, audited, and writes their payouts while
 * `timeLeft` allows (the rest by the next call or the job). Answers the round's id.
 */
export async function giveRound(
  store: Store,
  input: RoundInput,
  expected: { count: number; totalFen: number },
  member: Pick<MemberDoc, '_id' | 'name'>,
  now: Date,
  timeLeft: () => number,
): Promise<string> {
  const plan = await planRound(store, input, now)
  const blocked = await blockOf(store, plan, input.budget)
  if (blocked) throw new AppError('CONFLICT', blocked)
  if (plan.recipients.length !== expected.count || plan.totalFen !== expected.totalFen) {
    throw new AppError('CONFLICT', `发放名单有变化：预览时 ${expected.count} 人，现在 ${plan.recipients.length} 人，请重新预览后再发放`)
  }
  if (plan.recipients.length === 0) throw new AppError('CONFLICT', '没有可以发放的人员，请调整发放对象')
  const round: BenefitRoundDoc = {
    _id: plan.id,
    festival: input.festival,
    year: input.year,
    date: plan.date,
    title: plan.title,
    items: input.items.map(({ item, amount, form }) => ({ item, amountFen: amount, form })),
    audience: input.audience,
    handout: input.handout,
    deadline: plan.deadline,
    budgetFen: input.budget,
    cap: { yearlyCapFen: plan.policy.yearlyCapFen, frequency: plan.policy.frequency },
    recipientIds: plan.recipients.map((recipient) => recipient._id),
    unitCounts: plan.unitCounts,
    leftOut: plan.leftOut,
    totalFen: plan.totalFen,
    state: 'applying',
    paid: 0,
    createdAt: now.toISOString(),
    createdById: member._id,
    createdByName: member.name,
  }
  await store.transaction(async (tx) => {
    // Two applies of one festival at once: the second finds the first's round.
    if (await tx.get('benefitRounds', round._id)) throw new AppError('CONFLICT', `${round.title}已经发放，每个节日每年发放一轮`)
    await tx.insert('benefitRounds', round)
    await recordAudit(tx, member, now, { action: 'benefits.applyRound', targetType: 'benefitRound', targetId: round._id, target: round.title, after: roundAuditFields(input, plan) })
  })
  await payRound(store, round, now, timeLeft)
  return round._id
}

/** The union office reads any unit's handout; a unit admin their own unit's, which they name. */
const HANDOUT_KEEPERS = [unionOffice, unitAdmin(({ unitId }: { unitId: string }) => unitId)]

export const roundActions: Pick<ActionsOf<FestivalRoundsApi>, keyof FestivalRoundsApi> = {
  previewRound: action({
    allow: [unionOffice],
    input: RoundInputSchema,
    async handle(input, { store, now }) {
      const plan = await planRound(store, input, now)
      const units = await unitNames(store)
      const blocked = await blockOf(store, plan, input.budget)
      return {
        title: plan.title,
        date: plan.date,
        count: plan.recipients.length,
        perPersonFen: plan.perPersonFen,
        totalFen: plan.totalFen,
        budgetFen: input.budget,
        units: unitRows(plan.unitCounts, new Map(), units),
        leftOut: leftOutViews(plan.leftOut, units),
        ...(blocked ? { blocked } : {}),
      }
    },
  }),

  applyRound: action({
    allow: [unionOffice],
    input: ApplyRoundSchema,
    async handle({ round, expected }, { store, now, member }) {
      const given = await giveRound(store, round, expected, member, now, untilAfter(ROUND_CALL_MS))
      return detailOf(store, await roundOf(store, given))
    },
  }),

  resumeRound: action({
    allow: [unionOffice],
    input: RoundIdSchema,
    async handle({ roundId }, { store, now }) {
      const round = await roundOf(store, roundId)
      if (round.state === 'applying') await payRound(store, round, now, untilAfter(ROUND_CALL_MS))
      return detailOf(store, await roundOf(store, roundId))
    },
  }),

  rounds: action({
    // Any unit admin: their unit's handout starts from here (what each round is, not who receives it).
    allow: [unionOffice, unitAdmin(() => anyScope)],
    input: RoundsSchema,
    async handle({ year }, { store, now }) {
      // By default this year's and next: 元旦's round is given in December.
      const years = year ?? { $in: [shanghaiYear(now), shanghaiYear(now) + 1] }
      const found = await store.find('benefitRounds', { year: years }, { fields: ['festival', 'title', 'date', 'state', 'totalFen', 'budgetFen', 'createdAt', 'createdByName', 'unitCounts'] })
      return found
        .map(summaryOf)
        .sort((a, b) => b.date.localeCompare(a.date))
    },
  }),

  round: action({
    allow: [unionOffice],
    input: RoundIdSchema,
    async handle({ roundId }, { store }) {
      return detailOf(store, await roundOf(store, roundId))
    },
  }),

  roundHandout: action({
    allow: HANDOUT_KEEPERS,
    input: RoundUnitSchema,
    async handle({ roundId, unitId }, { store }) {
      return handoutOf(store, await roundOf(store, roundId), unitId)
    },
  }),

  markReceived: action({
    allow: HANDOUT_KEEPERS,
    input: MarkReceivedSchema,
    async handle({ roundId, unitId, memberIds }, { store, now, member }) {
      const round = await roundOf(store, roundId)
      const wanted = [...new Set(memberIds)]
      const payouts = await store.find('benefitPayouts', { roundId, unitId, memberId: { $in: wanted } }, { fields: ['memberId', 'receivedAt'] })
      const listed = new Set(payouts.map((payout) => payout.memberId))
      const strangers = wanted.filter((memberId) => !listed.has(memberId))
      if (strangers.length) throw new AppError('INVALID_INPUT', `有 ${strangers.length} 人不在本分工会的${round.title}发放名单中，请刷新名单后重试`, { memberIds: '不在发放名单中' })
      const received = { receivedAt: now.toISOString(), receivedById: member._id, receivedByName: member.name }
      const open = payouts.filter((payout) => !payout.receivedAt)
      // A member confirming their own at the same moment keeps whichever came first.
      for (const payout of open) await store.claim('benefitPayouts', payout._id, { receivedAt: { $exists: false } }, { $set: received })
      if (open.length) {
        const units = await unitNames(store)
        await recordAudit(store, member, now, {
          action: 'benefits.markReceived',
          targetType: 'benefitRound',
          targetId: roundId,
          target: `${round.title} · ${units.get(unitId) ?? ''}`,
          after: { 登记领取人数: new Set(open.map((payout) => payout.memberId)).size },
        })
      }
      return handoutOf(store, round, unitId)
    },
  }),
}

/** The job: finishes rounds an apply left 发放中 (the office closed the page before it was done). */
export async function finishRounds({ store, now, timeLeft }: Pick<JobContext, 'store' | 'now' | 'timeLeft'>): Promise<Batch> {
  const applying = await store.find('benefitRounds', { state: 'applying' }, { limit: 5 })
  for (const round of applying) await payRound(store, round, now, () => timeLeft() - 5000)
  return { count: applying.length }
}
