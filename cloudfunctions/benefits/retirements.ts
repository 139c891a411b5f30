/**
 * 荣休名单 and its keepsakes (types/retirement.ts): the union office's. The list is worked out when asked (the
 * members reaching the retirement age this year, and everyone with a retirement payout this year), not stored; a
 * keepsake is a retirement payout whose id names its year and member, so it is given once however often it is asked.
 */
import { BENEFIT_FORM_LABELS, formatYuan } from '../../types/benefits'
import { GENDER_LABELS, MEMBER_STATUS_LABELS, type RetirementAges } from '../../types/members'
import { GiveKeepsakesSchema, RetirementsSchema, type KeepsakesGiven, type RetireeRow, type RetirementList } from '../../types/retirement'
import { shanghaiDay, shanghaiYear } from '../../types/time'
import { recordAudit } from '../core/audit'
import { unionOffice } from '../core/authorize'
import type { BenefitPayoutDoc, BenefitPolicyDoc, MemberDoc } from '../core/collections'
import { action } from '../core/defineFunction'
import { AppError } from '../core/errors'
import { findAllById } from '../core/queries'
import { readSettings } from '../core/settings'
import type { Store } from '../core/store/port'
import { unitNames } from '../core/units'
import { policyForPayout, recordPayout } from './ledger'
import { ineligibility } from './rules'

export const keepsakeId = (year: number, memberId: string) => `retirement-${year}-${memberId}`

/** Payouts written side by side: different members, different tallies, no conflicts between them. */
const KEEPSAKES_AT_ONCE = 10

const MEMBER_FIELDS = ['_id', 'name', 'staffNo', 'unitId', 'gender', 'birthDate', 'status']
type Listed = Pick<MemberDoc, '_id' | 'name' | 'staffNo' | 'unitId' | 'gender' | 'birthDate' | 'status'>

/** Who reaches the retirement age in `year`: men born `year - male`, women born `year - female`. */
function reachingAge(year: number, ages: RetirementAges) {
  const bornIn = (age: number) => ({ $gte: `${year - age}-01-01`, $lte: `${year - age}-12-31` })
  return { status: { $in: ['active', 'retired'] }, $or: [{ gender: 'male', birthDate: bornIn(ages.male) }, { gender: 'female', birthDate: bornIn(ages.female) }] }
}

function reasonFor(member: Listed, year: number, ages: RetirementAges, payout: BenefitPayoutDoc | undefined): string {
  const age = ages[member.gender]
  if (Number(member.birthDate.slice(0, 4)) + age === year) return `今年满 ${age} 周岁`
  return payout?.source.type === 'application' ? '退休慰问申请' : '校工会加入'
}

export async function retirementList(store: Store, year: number): Promise<RetirementList> {
  const [{ retirementAges: ages }, payouts, units] = await Promise.all([readSettings(store), findAllById(store, 'benefitPayouts', { year, kind: 'retirement' }), unitNames(store)])
  const byMember = new Map(payouts.map((payout) => [payout.memberId, payout]))
  const [ofAge, paid] = await Promise.all([
    findAllById(store, 'members', reachingAge(year, ages), MEMBER_FIELDS) as Promise<Listed[]>,
    payouts.length ? (store.find('members', { _id: { $in: [...byMember.keys()] } }, { fields: MEMBER_FIELDS }) as Promise<Listed[]>) : Promise.resolve([]),
  ])
  const members = new Map([...ofAge, ...paid].map((member) => [member._id, member]))
  const rows: RetireeRow[] = [...members.values()]
    .sort((a, b) => a.unitId.localeCompare(b.unitId) || a.birthDate.localeCompare(b.birthDate) || a.staffNo.localeCompare(b.staffNo))
    .map((member) => {
      const payout = byMember.get(member._id)
      return {
        memberId: member._id,
        name: member.name,
        staffNo: member.staffNo,
        unitName: units.get(member.unitId) ?? member.unitId,
        genderLabel: GENDER_LABELS[member.gender],
        birthDate: member.birthDate,
        statusLabel: MEMBER_STATUS_LABELS[member.status],
        reason: reasonFor(member, year, ages, payout),
        ...(payout
          ? { keepsake: { item: payout.item, amountFen: payout.amountFen, form: payout.form, issuedAt: payout.issuedAt, ...(payout.receivedAt ? { receivedAt: payout.receivedAt } : {}) } }
          : {}),
      }
    })
  return { year, ages, rows }
}

interface KeepsakeInput {
  item: string
  amount: number
  form: BenefitPayoutDoc['form']
  pickupPlace: string
}

function keepsakePayout(policy: BenefitPolicyDoc, member: MemberDoc, input: KeepsakeInput, actor: MemberDoc, now: Date): BenefitPayoutDoc {
  const year = shanghaiYear(now)
  return {
    _id: keepsakeId(year, member._id),
    memberId: member._id,
    memberName: member.name,
    staffNo: member.staffNo,
    unitId: member.unitId,
    kind: 'retirement',
    year,
    item: input.item,
    amountFen: input.amount,
    form: input.form,
    issuedAt: now.toISOString(),
    source: { type: 'retirementList' },
    approvalRef: `${year} 年荣休名单（工会福利政策 ${shanghaiDay(policy.updatedAt)}）`,
    approverId: actor._id,
    approverName: actor.name,
    handout: { kind: 'pickup', place: input.pickupPlace },
  }
}

export const retirementActions = {
  retirements: action({
    allow: [unionOffice],
    input: RetirementsSchema,
    async handle({ year }, { store, now }) {
      return retirementList(store, year ?? shanghaiYear(now))
    },
  }),

  giveKeepsakes: action({
    allow: [unionOffice],
    input: GiveKeepsakesSchema,
    async handle(input, { store, now, member: actor }): Promise<KeepsakesGiven> {
      const policy = await policyForPayout(store, 'retirement', input.form)
      const members = await store.find('members', { _id: { $in: input.memberIds } })
      if (members.length !== input.memberIds.length) throw new AppError('NOT_FOUND', '有会员不存在或已被删除，请返回刷新后重试')
      const today = shanghaiDay(now)
      const result: Omit<KeepsakesGiven, 'list'> = { given: 0, already: 0, refused: [] }
      const refuse = (member: MemberDoc, reason: string) => result.refused.push({ name: member.name, staffNo: member.staffNo, reason })
      for (let at = 0; at < members.length; at += KEEPSAKES_AT_ONCE) {
        await Promise.all(
          members.slice(at, at + KEEPSAKES_AT_ONCE).map(async (member) => {
            const why = ineligibility(policy, member, today)
            if (why) return refuse(member, why)
            try {
              // Under the cap (退休慰问 once a year) in the payout's own transaction: an application approved at
              // the same moment cannot give the member a second.
              if (await recordPayout(store, policy, keepsakePayout(policy, member, input, actor, now), now)) result.given += 1
              else result.already += 1
            } catch (error) {
              if (error instanceof AppError && error.code === 'CONFLICT') return refuse(member, error.message)
              throw error
            }
          }),
        )
      }
      if (result.given > 0) {
        await recordAudit(store, actor, now, {
          action: 'benefits.giveKeepsakes',
          targetType: 'retirementList',
          targetId: String(shanghaiYear(now)),
          target: `${shanghaiYear(now)} 年荣休名单`,
          after: { 纪念品: `${input.item}（${BENEFIT_FORM_LABELS[input.form]} ${formatYuan(input.amount)}）`, 领取地点: input.pickupPlace, 发放人数: result.given },
        })
      }
      return { ...result, list: await retirementList(store, shanghaiYear(now)) }
    },
  }),
}
