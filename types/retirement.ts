/**
 * 荣休名单: the members who retire this year, for December's 荣休仪式, with the keepsake each is given there (the
 * 荣休水晶杯), a retirement payout in the ledger under the retirement policy. Who reaches the retirement age the
 * union office sets (men's and women's, in 工会设置) this year is on it; so is anyone given their retirement payout
 * this year (an early retirement the union office adds, or a 退休慰问 application approved).
 */
import * as v from 'valibot'
import { BENEFIT_FORMS, ITEM_MAX, YearSchema, YuanSchema, type BenefitForm } from './benefits'
import { IdSchema, TextSchema } from './common'
import type { RetirementAges } from './members'

export const KEEPSAKES_MAX = 100
export const PLACE_MAX = 30

export const RetirementsSchema = v.optional(v.strictObject({ year: v.optional(YearSchema) }), {})

/** The union office gives this year's keepsake to the members it picked. */
export const GiveKeepsakesSchema = v.strictObject({
  memberIds: v.pipe(
    v.array(IdSchema, '请选择会员'),
    v.minLength(1, '请至少选择一位会员'),
    v.maxLength(KEEPSAKES_MAX, `一次最多发放给 ${KEEPSAKES_MAX} 位会员`),
    v.check((ids) => new Set(ids).size === ids.length, '同一位会员选了两次'),
  ),
  item: TextSchema('纪念品名称', ITEM_MAX),
  amount: v.pipe(YuanSchema, v.minValue(1, '纪念品金额须大于 0')),
  form: v.picklist(BENEFIT_FORMS, '发放形式只能是实物、提货券或慰问金'),
  pickupPlace: TextSchema('领取地点', PLACE_MAX),
})

/** A retirement payout of the member's this year, from the 荣休名单 or an approved application. */
export interface Keepsake {
  item: string
  amountFen: number
  form: BenefitForm
  issuedAt: string
  receivedAt?: string
}

export interface RetireeRow {
  memberId: string
  name: string
  staffNo: string
  unitName: string
  genderLabel: string
  birthDate: string
  statusLabel: string
  /** Why they are listed: 今年满 60 周岁, 校工会加入, 退休慰问申请. */
  reason: string
  keepsake?: Keepsake
}

export interface RetirementList {
  year: number
  ages: RetirementAges
  /** By unit, then the oldest first. */
  rows: RetireeRow[]
}

/** Who got the keepsake now, who had it already, and who the policy refuses, in words. */
export interface KeepsakesGiven {
  given: number
  already: number
  refused: { name: string; staffNo: string; reason: string }[]
  list: RetirementList
}

/** The `benefits` function's retirement actions: the union office's. */
export interface RetirementApi {
  retirements: { request: v.InferInput<typeof RetirementsSchema>; response: RetirementList }
  /** Once a year each (a member given theirs already is counted, not given again); audited. */
  giveKeepsakes: { request: v.InferInput<typeof GiveKeepsakesSchema>; response: KeepsakesGiven }
}
