/**
 * The ledger (福利台账): every payout is one entry, written in one transaction with its member's tally for the kind
 * and year, against which the cap is checked. Two payouts racing for the same member (two approvals, the job and a
 * retry) cannot together pass the cap: the second transaction reads the tally the first wrote, or conflicts with it
 * on CloudBase and is tried again by its caller. The member hears of it in the same transaction.
 */
import { randomInt } from 'node:crypto'
import { BENEFIT_FORM_LABELS, BENEFIT_KIND_LABELS, type BenefitForm, type BenefitKind, type BenefitPolicy } from '../../types/benefits'
import type { BenefitPayoutDoc, BenefitPolicyDoc } from '../core/collections'
import { AppError } from '../core/errors'
import { notify } from '../core/notify'
import type { Store, Transaction } from '../core/store/port'
import { capRefusal, messageData } from './rules'

export const tallyId = (year: number, memberId: string, kind: BenefitKind) => `${year}:${memberId}:${kind}`

/**
 * The kind's policy, for a payout in `form` the union office decides: refused in words while the union office has
 * not set the policy, or when it does not allow the form.
 */
export async function policyForPayout(store: Store, kind: BenefitKind, form: BenefitForm): Promise<BenefitPolicyDoc> {
  const label = BENEFIT_KIND_LABELS[kind]
  const policy = await store.get('benefitPolicies', kind)
  if (!policy) throw new AppError('CONFLICT', `校工会尚未设置${label}的福利政策，请先在「福利政策」中设置`)
  if (!policy.forms.includes(form)) {
    const message = `${label}只能以${policy.forms.map((allowed) => BENEFIT_FORM_LABELS[allowed]).join('、')}形式发放`
    throw new AppError('INVALID_INPUT', message, { form: message })
  }
  return policy
}

/** Letters and digits no one misreads on a phone (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A claim code to show where the gift is collected: random, so nobody can work out another member's. */
export function claimCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

/**
 * Writes a member's payouts of one kind and year together (a festival round's gifts: 粽子礼盒 and 水果券), unless the
 * first is there already: true when this call wrote them. Payouts the cap (or the kind's once-a-year rule) refuses
 * throw CONFLICT with the reason in words, and write nothing. The member hears of them in one message, unless `quiet`
 * (hardship aid: its unit admin brings it, and a message could show it on a locked screen). `within` is more of the
 * same change, in the same transaction, before anything is written: it may refuse by throwing (the case the aid is
 * for closed meanwhile), and it writes what goes with the payouts (their audit entry).
 */
export async function recordPayouts(
  store: Store,
  policy: Pick<BenefitPolicy, 'kind' | 'yearlyCapFen' | 'frequency'>,
  payouts: BenefitPayoutDoc[],
  now: Date,
  { quiet = false, within }: { quiet?: boolean; within?: (tx: Transaction) => Promise<void> } = {},
): Promise<boolean> {
  const [first] = payouts
  const amountFen = payouts.reduce((sum, payout) => sum + payout.amountFen, 0)
  return store.transaction(async (tx) => {
    if (await tx.get('benefitPayouts', first._id)) return false
    await within?.(tx)
    const id = tallyId(first.year, first.memberId, first.kind)
    const tally = await tx.get('benefitTallies', id)
    const refusal = capRefusal(policy, tally, amountFen)
    if (refusal) throw new AppError('CONFLICT', refusal)
    for (const payout of payouts) await tx.insert('benefitPayouts', payout)
    if (tally) await tx.updateById('benefitTallies', id, { $inc: { totalFen: amountFen, count: payouts.length } })
    else await tx.insert('benefitTallies', { _id: id, memberId: first.memberId, year: first.year, kind: first.kind, totalFen: amountFen, count: payouts.length })
    if (!quiet) {
      await notify(tx, now, [first.memberId], {
        kind: 'benefitIssued',
        subject: `benefit:${first._id}`,
        data: messageData(payouts),
      })
    }
    return true
  })
}

/** Writes one payout as `recordPayouts` does. */
export const recordPayout = (store: Store, policy: Pick<BenefitPolicy, 'kind' | 'yearlyCapFen' | 'frequency'>, payout: BenefitPayoutDoc, now: Date, options?: Parameters<typeof recordPayouts>[4]) =>
  recordPayouts(store, policy, [payout], now, options)
