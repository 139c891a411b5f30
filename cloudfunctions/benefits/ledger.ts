/**
 * The ledger (福利台账): every payout is one entry, written in one transaction with its member's tally for the kind
 * and year, against which the cap is checked. Two payouts racing for the same member (two approvals, the job and a
 * retry) cannot together pass the cap: the second transaction reads the tally the first wrote, or conflicts with it
 * on CloudBase and is tried again by its caller. The member hears of it in the same transaction.
 */
import { randomInt } from 'node:crypto'
import type { BenefitKind } from '../../types/benefits'
import type { BenefitPayoutDoc, BenefitPolicyDoc } from '../core/collections'
import { AppError } from '../core/errors'
import { notify } from '../core/notify'
import type { Store } from '../core/store/port'
import { capRefusal, messageData } from './rules'

export const tallyId = (year: number, memberId: string, kind: BenefitKind) => `${year}:${memberId}:${kind}`

/** Letters and digits no one misreads on a phone (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A claim code to show where the gift is collected: random, so nobody can work out another member's. */
export function claimCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

/**
 * Writes a payout unless one of its id is there: true when this call wrote it. A payout the cap (or the kind's
 * once-a-year rule) refuses throws CONFLICT with the reason in words, and writes nothing.
 */
export async function recordPayout(store: Store, policy: BenefitPolicyDoc, payout: BenefitPayoutDoc, now: Date): Promise<boolean> {
  return store.transaction(async (tx) => {
    if (await tx.get('benefitPayouts', payout._id)) return false
    const id = tallyId(payout.year, payout.memberId, payout.kind)
    const tally = await tx.get('benefitTallies', id)
    const refusal = capRefusal(policy, tally, payout.amountFen)
    if (refusal) throw new AppError('CONFLICT', refusal)
    await tx.insert('benefitPayouts', payout)
    if (tally) await tx.updateById('benefitTallies', id, { $inc: { totalFen: payout.amountFen, count: 1 } })
    else await tx.insert('benefitTallies', { _id: id, memberId: payout.memberId, year: payout.year, kind: payout.kind, totalFen: payout.amountFen, count: 1 })
    await notify(tx, now, [payout.memberId], {
      kind: 'benefitIssued',
      subject: `benefit:${payout._id}`,
      data: messageData(payout),
    })
    return true
  })
}
