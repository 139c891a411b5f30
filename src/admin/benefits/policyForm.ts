/**
 * The union office's policy form: what its inputs hold (amounts in yuan as typed), and its translation to and from
 * the `benefits` contract. Pure.
 */
import {
  PolicyInputSchema,
  type BenefitForm,
  type BenefitFrequency,
  type BenefitKind,
  type BirthdayGift,
  type PolicyView,
} from '../../../types/benefits'
import type { MemberStatus } from '../../../types/members'
import { requestCheck, type FormCheck } from '../../../types/validation'
import type * as v from 'valibot'

export interface PolicyForm {
  kind: BenefitKind
  yearlyCap: string
  frequency: BenefitFrequency
  forms: BenefitForm[]
  statuses: Exclude<MemberStatus, 'left'>[]
  duesPaid: boolean
  minMonths: string
  source: string
  /** The birthday policy only. */
  giftOn: boolean
  giftItem: string
  giftAmount: string
  giftForm: BirthdayGift['form']
  handoutKind: 'code' | 'pickup'
  pickupPlace: string
  claimDays: string
  leadKind: 'monthStart' | 'daysBefore'
  leadDays: string
}

const yuan = (fen: number) => String(fen / 100)

/** The form for a kind: its policy as set, or a blank one (nothing assumed: every figure is the union's to type). */
export function policyForm(view: PolicyView): PolicyForm {
  const policy = view.policy
  const gift = policy?.gift
  return {
    kind: view.kind,
    yearlyCap: policy ? yuan(policy.yearlyCapFen) : '',
    frequency: policy?.frequency ?? (view.kind === 'birthday' ? 'oncePerYear' : 'oncePerEvent'),
    forms: policy?.forms ?? [],
    statuses: policy?.eligibility.statuses ?? ['active', 'retired'],
    duesPaid: policy?.eligibility.duesPaid ?? true,
    minMonths: String(policy?.eligibility.minMonths ?? 0),
    source: policy?.source ?? '',
    giftOn: gift !== undefined,
    giftItem: gift?.item ?? '生日蛋糕卡',
    giftAmount: gift ? yuan(gift.amountFen) : '',
    giftForm: gift?.form ?? 'voucher',
    handoutKind: gift?.handout.kind === 'pickup' ? 'pickup' : 'code',
    pickupPlace: gift?.handout.kind === 'pickup' ? gift.handout.place : '',
    claimDays: String(gift?.claimDays ?? 30),
    leadKind: gift?.lead.kind ?? 'monthStart',
    leadDays: gift?.lead.kind === 'daysBefore' ? String(gift.lead.days) : '7',
  }
}

/** A number as typed: blank is none (the check asks for it), anything but digits is sent as is (the check refuses it). */
export const typedNumber = (text: string): number | string | undefined => (text.trim() === '' ? undefined : /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text)

export type PolicyRequest = v.InferInput<typeof PolicyInputSchema>

/**
 * The request the form makes (yuan, as typed), checked with the very schema the function validates with. The request
 * itself is sent, not what the schema makes of it: the function turns yuan into fen once.
 */
export function policyInput(form: PolicyForm): FormCheck<PolicyRequest> {
  const gift =
    form.kind === 'birthday' && form.giftOn
      ? {
          gift: {
            item: form.giftItem,
            amount: typedNumber(form.giftAmount),
            form: form.giftForm,
            handout: form.handoutKind === 'code' ? { kind: 'code' } : { kind: 'pickup', place: form.pickupPlace },
            claimDays: typedNumber(form.claimDays),
            lead: form.leadKind === 'monthStart' ? { kind: 'monthStart' } : { kind: 'daysBefore', days: typedNumber(form.leadDays) },
          },
        }
      : {}
  const request = {
    kind: form.kind,
    yearlyCap: typedNumber(form.yearlyCap),
    frequency: form.frequency,
    forms: form.forms,
    eligibility: { statuses: form.statuses, duesPaid: form.duesPaid, minMonths: typedNumber(form.minMonths) },
    source: form.source,
    ...gift,
  }
  return requestCheck(PolicyInputSchema, request)
}
