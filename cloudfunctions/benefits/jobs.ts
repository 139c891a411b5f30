/**
 * The benefits function's jobs, behind its one timer trigger: birthday gifts as each member's birthday comes, and
 * the one reminder to collect a gift before its deadline.
 */
import { BENEFIT_KIND_LABELS } from '../../types/benefits'
import { shanghaiDay } from '../../types/time'
import type { BenefitPayoutDoc, BenefitPolicyDoc, MemberDoc } from '../core/collections'
import { AppError } from '../core/errors'
import type { Batch, JobContext } from '../core/jobs'
import { notify } from '../core/notify'
import { claimCode, recordPayout } from './ledger'
import { deadlineAfter, dueBirthday, ineligibility, messageData } from './rules'

/** Members read at a time: CloudBase answers at most 1,000 documents a read. */
const MEMBERS_BATCH = 1000
const REMIND_BATCH = 200
/** Payouts written side by side: few enough not to crowd a CloudBase environment's connections. */
const PAYOUTS_AT_ONCE = 20
/** How many days before its deadline an uncollected gift is reminded of. */
export const REMIND_DAYS_BEFORE = 3

export const birthdayPayoutId = (year: number, memberId: string) => `birthday-${year}-${memberId}`

/** The birthday payout a member is due under the policy (its gift set), as the ledger writes it. */
function birthdayPayout(policy: BenefitPolicyDoc, member: MemberDoc, birthday: string, now: Date): BenefitPayoutDoc {
  const gift = policy.gift!
  const year = Number(birthday.slice(0, 4))
  const today = shanghaiDay(now)
  return {
    _id: birthdayPayoutId(year, member._id),
    memberId: member._id,
    memberName: member.name,
    staffNo: member.staffNo,
    unitId: member.unitId,
    kind: 'birthday',
    year,
    item: gift.item,
    amountFen: gift.amountFen,
    form: gift.form,
    issuedAt: now.toISOString(),
    source: { type: 'birthday', policyAt: policy.updatedAt },
    approvalRef: `${year} 年${BENEFIT_KIND_LABELS.birthday}（工会福利政策 ${shanghaiDay(policy.updatedAt)}）`,
    approverId: policy.updatedById,
    approverName: policy.updatedByName,
    handout: gift.handout,
    ...(gift.handout.kind === 'code' ? { code: claimCode() } : {}),
    deadline: deadlineAfter(today, gift.claimDays),
  }
}

/** Time a few payouts take, at most, on a throttled CloudBase environment: no more start past it. */
const LAST_PAYOUTS_MS = 5000

/**
 * Gives each qualifying member whose birthday is due their gift, a page of members at a time (cursor: the last
 * member id handled). Safe to run twice, or again from a cursor: a payout's id names its member and year. When the
 * function's time runs short midway through a page, the cursor is the last member given theirs.
 */
export async function issueBirthdays({ store, now, timeLeft }: Pick<JobContext, 'store' | 'now' | 'timeLeft'>, cursor: string | undefined): Promise<Batch> {
  const policy = await store.get('benefitPolicies', 'birthday')
  if (!policy?.gift) return { count: 0 }
  const today = shanghaiDay(now)
  const page = await store.find('members', { status: { $in: policy.eligibility.statuses }, ...(cursor ? { _id: { $gt: cursor } } : {}) }, { sort: { _id: 1 }, limit: MEMBERS_BATCH })
  const due = page.flatMap((member) => {
    const birthday = dueBirthday(policy.gift!.lead, member.birthDate, today)
    return birthday && !ineligibility(policy, member, today) ? [{ member, birthday }] : []
  })
  const ids = due.map(({ member, birthday }) => birthdayPayoutId(Number(birthday.slice(0, 4)), member._id))
  const paid = new Set(ids.length ? (await store.find('benefitPayouts', { _id: { $in: ids } }, { fields: ['_id'] })).map((payout) => payout._id) : [])
  const payouts = due.map(({ member, birthday }) => birthdayPayout(policy, member, birthday, now)).filter((payout) => !paid.has(payout._id))
  let count = 0
  // A few members at a time: each payout is its own member's, so they do not contend, and their writes share commits.
  for (let from = 0; from < payouts.length; from += PAYOUTS_AT_ONCE) {
    if (from > 0 && timeLeft() < LAST_PAYOUTS_MS) return { count, cursor: payouts[from - 1].memberId }
    const written = await Promise.all(
      payouts.slice(from, from + PAYOUTS_AT_ONCE).map((payout) =>
        recordPayout(store, policy, payout, now).catch((error: unknown) => {
          // Over the cap already (another birthday payout this year): this member is skipped, the rest go on.
          if (error instanceof AppError) return false
          throw error
        }),
      ),
    )
    count += written.filter(Boolean).length
  }
  return page.length === MEMBERS_BATCH ? { count, cursor: page[page.length - 1]._id } : { count }
}

/**
 * Reminds each member, once, of a gift still to collect within REMIND_DAYS_BEFORE days of its deadline; never on the
 * day it was given (a gift with two days to collect is announced, not reminded of, that morning).
 */
export async function remindReceipt({ store, now }: JobContext): Promise<Batch> {
  const today = shanghaiDay(now)
  const todayBegan = new Date(`${today}T00:00:00+08:00`).toISOString()
  const soon = await store.find(
    'benefitPayouts',
    {
      deadline: { $gte: today, $lte: deadlineAfter(today, REMIND_DAYS_BEFORE) },
      issuedAt: { $lt: todayBegan },
      receivedAt: { $exists: false },
      remindedAt: { $exists: false },
    },
    { sort: { deadline: 1 }, limit: REMIND_BATCH },
  )
  for (const payout of soon) {
    await notify(store, now, [payout.memberId], {
      kind: 'benefitReminder',
      subject: `benefit:${payout._id}:reminder`,
      data: messageData([payout]),
    })
    await store.update('benefitPayouts', { _id: payout._id }, { $set: { remindedAt: now.toISOString() } })
  }
  return soon.length === REMIND_BATCH ? { count: soon.length, cursor: 'more' } : { count: soon.length }
}
