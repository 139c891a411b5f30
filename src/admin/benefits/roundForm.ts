/** 发放节日慰问: the round form's fields as typed, and the request they make. */
import type * as v from 'valibot'
import { RoundInputSchema } from '../../../types/festivalRounds'
import type { Festival, FestivalDate } from '../../../types/festivals'
import { requestCheck, type FormCheck } from '../../../types/validation'
import { typedNumber } from './policyForm'

export interface ItemForm {
  item: string
  amount: string
  form: 'inKind' | 'voucher'
}

export interface RoundForm {
  /** The chosen festival's day: '2027-01-01' (its festival and year follow from it). */
  date: string
  festival: Festival | ''
  items: ItemForm[]
  statuses: ('active' | 'retired')[]
  allUnits: boolean
  unitIds: string[]
  duesPaidOnly: boolean
  handoutKind: 'unit' | 'pickup'
  pickupPlace: string
  claimDays: string
  budget: string
}

export const emptyItem = (): ItemForm => ({ item: '', amount: '', form: 'inKind' })

/** A new round for the first festival coming. */
export function newRoundForm(coming: FestivalDate | undefined): RoundForm {
  return {
    date: coming?.date ?? '',
    festival: coming?.festival ?? '',
    items: [emptyItem()],
    statuses: ['active', 'retired'],
    allUnits: true,
    unitIds: [],
    duesPaidOnly: true,
    handoutKind: 'unit',
    pickupPlace: '',
    claimDays: '14',
    budget: '',
  }
}

export type RoundRequest = v.InferInput<typeof RoundInputSchema>

/** The request the form makes (yuan, as typed), checked with the very schema the function validates with. */
export function roundInput(form: RoundForm): FormCheck<RoundRequest> {
  const request = {
    festival: form.festival,
    year: Number(form.date.slice(0, 4)),
    items: form.items.map((item) => ({ item: item.item, amount: typedNumber(item.amount), form: item.form })),
    audience: { statuses: form.statuses, ...(form.allUnits ? {} : { unitIds: form.unitIds }), duesPaidOnly: form.duesPaidOnly },
    handout: form.handoutKind === 'unit' ? { kind: 'unit' } : { kind: 'pickup', place: form.pickupPlace },
    claimDays: typedNumber(form.claimDays),
    budget: typedNumber(form.budget),
  }
  return requestCheck(RoundInputSchema, request)
}
