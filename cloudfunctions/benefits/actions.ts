import {
  BENEFIT_KIND_LABELS,
  BENEFIT_KINDS,
  LedgerSchema,
  LedgerSummarySchema,
  MyBenefitsSchema,
  PayoutIdSchema,
  PolicyInputSchema,
  type BenefitsApi,
  type PolicyView,
} from '../../types/benefits'
import { EmptySchema } from '../../types/common'
import { JOB_CATALOGUE } from '../../types/jobs'
import { shanghaiDay, shanghaiYear } from '../../types/time'
import { recordAudit } from '../core/audit'
import { unionOffice } from '../core/authorize'
import type { BenefitPolicyDoc } from '../core/collections'
import { action, defineFunction, jobsOf } from '../core/defineFunction'
import { AppError, notFound } from '../core/errors'
import { findAllById, pageOf } from '../core/queries'
import { unitNames } from '../core/units'
import { applicationActions } from './applications'
import config from './config.json'
import { comingFestivals } from './festivals'
import { hardshipActions } from './hardship'
import { retirementActions } from './retirements'
import { budgetActions, budgetedKinds, budgetOf, budgetsOf } from './budgets'
import { birthdayPayoutId, issueBirthdays, remindReceipt } from './jobs'
import { isWholeUnion, LEDGER_READERS, ledgerFilter } from './ledgerReaders'
import { finishRounds, roundActions } from './rounds'
import { capsOf, kindTotals, ledgerTotals, policyAuditFields, policyOf, toLedgerRow, toMyBenefit } from './rules'

function toView(kind: BenefitPolicyDoc['kind'], doc: BenefitPolicyDoc | undefined): PolicyView {
  if (!doc) return { kind, label: BENEFIT_KIND_LABELS[kind] }
  const { yearlyCapFen, frequency, forms, eligibility, source, gift, updatedAt, updatedByName } = doc
  return { kind, label: BENEFIT_KIND_LABELS[kind], policy: { kind, yearlyCapFen, frequency, forms, eligibility, source, ...(gift ? { gift } : {}), updatedAt, updatedByName } }
}

export const benefitsFunction = defineFunction<BenefitsApi>(
  'benefits',
  {
    policies: action({
      allow: [unionOffice],
      input: EmptySchema,
      async handle(_input, { store }) {
        const docs = new Map((await store.find('benefitPolicies')).map((doc) => [doc._id, doc]))
        return BENEFIT_KINDS.map((kind) => toView(kind, docs.get(kind)))
      },
    }),

    festivals: action({
      allow: [unionOffice],
      input: EmptySchema,
      async handle(_input, { now }) {
        return comingFestivals(shanghaiDay(now))
      },
    }),

    updatePolicy: action({
      allow: [unionOffice],
      input: PolicyInputSchema,
      async handle(input, { store, now, member }) {
        const checked = policyOf(input)
        if (!checked.ok) throw new AppError('INVALID_INPUT', checked.message, { [checked.field]: checked.message })
        const doc: BenefitPolicyDoc = { _id: input.kind, ...checked.value, updatedAt: now.toISOString(), updatedById: member._id, updatedByName: member.name }
        await store.transaction(async (tx) => {
          const before = await tx.get('benefitPolicies', input.kind)
          // Payouts already made keep their own amounts: a change applies to new ones only.
          if (before) await tx.updateById('benefitPolicies', input.kind, { $set: { ...checked.value, updatedAt: doc.updatedAt, updatedById: doc.updatedById, updatedByName: doc.updatedByName }, ...(checked.value.gift ? {} : { $unset: { gift: true as const } }) })
          else await tx.insert('benefitPolicies', doc)
          await recordAudit(tx, member, now, {
            action: 'benefits.updatePolicy',
            targetType: 'benefitPolicy',
            targetId: input.kind,
            target: BENEFIT_KIND_LABELS[input.kind],
            ...(before ? { before: policyAuditFields(before) } : {}),
            after: policyAuditFields(checked.value),
          })
        })
        return toView(input.kind, doc)
      },
    }),

    mine: action({
      allow: 'member',
      input: MyBenefitsSchema,
      async handle({ year: asked }, { store, now, member }) {
        const year = asked ?? shanghaiYear(now)
        const years = asked === undefined ? { $in: [year, year + 1] } : year
        const [payouts, tallies, policies] = await Promise.all([
          store.find('benefitPayouts', { memberId: member._id, year: years }, { sort: { issuedAt: -1 } }),
          store.find('benefitTallies', { memberId: member._id, year }),
          store.find('benefitPolicies'),
        ])
        return { year, items: payouts.map(toMyBenefit), totals: kindTotals(tallies, policies) }
      },
    }),

    ledger: action({
      allow: LEDGER_READERS,
      input: LedgerSchema,
      async handle(input, { store, now }) {
        const [found, units] = await Promise.all([
          store.find('benefitPayouts', ledgerFilter(input, now), { sort: { issuedAt: -1 }, skip: input.offset, limit: input.limit + 1 }),
          unitNames(store),
        ])
        return pageOf(found.map((payout) => toLedgerRow(payout, units)), input.limit)
      },
    }),

    ledgerSummary: action({
      allow: LEDGER_READERS,
      input: LedgerSummarySchema,
      async handle(input, { store, now }) {
        const filter = ledgerFilter(input, now)
        // The whole union's year is read against its budgets; one member's against each kind's yearly cap.
        const [payouts, policies, budgets] = await Promise.all([
          findAllById(store, 'benefitPayouts', filter, ['kind', 'amountFen', 'receivedAt']),
          input.memberId ? store.find('benefitPolicies') : [],
          isWholeUnion(input) ? budgetsOf(store, filter.year, input.kind) : {},
        ])
        const capOf = capsOf(policies)
        const totals = ledgerTotals(payouts, budgetedKinds(budgets))
        const kinds = totals.kinds.map((total) => ({ ...total, ...capOf(total.kind), ...budgetOf(budgets, total.kind) }))
        const budgeted = kinds.filter((total) => total.budgetFen !== undefined)
        const budgetFen = budgeted.length ? { budgetFen: budgeted.reduce((sum, total) => sum + total.budgetFen!, 0) } : {}
        return { year: filter.year, count: totals.count, totalFen: totals.totalFen, ...budgetFen, kinds }
      },
    }),

    home: action({
      allow: 'member',
      input: EmptySchema,
      async handle(_input, { store, now, member }) {
        const year = shanghaiYear(now)
        const inBirthdayMonth = member.birthDate.slice(5, 7) === shanghaiDay(now).slice(5, 7)
        const birthday = inBirthdayMonth ? await store.get('benefitPayouts', birthdayPayoutId(year, member._id)) : null
        return birthday ? { birthday: toMyBenefit(birthday) } : {}
      },
    }),

    confirmReceipt: action({
      allow: 'member',
      input: PayoutIdSchema,
      async handle({ payoutId }, { store, now, member }) {
        const payout = await store.get('benefitPayouts', payoutId)
        // Someone else's answers exactly like one that is not there.
        if (!payout || payout.memberId !== member._id) throw notFound('福利记录')
        if (payout.receivedAt) return toMyBenefit(payout)
        const received = { receivedAt: now.toISOString(), receivedById: member._id, receivedByName: member.name }
        // A confirmation racing another (a double tap, their unit admin marking it) keeps whichever came first.
        await store.claim('benefitPayouts', payoutId, { receivedAt: { $exists: false } }, { $set: received })
        return toMyBenefit((await store.get('benefitPayouts', payoutId))!)
      },
    }),

    ...roundActions,
    ...applicationActions,
    ...hardshipActions,
    ...retirementActions,
    ...budgetActions,
  },
  { config, jobs: jobsOf(JOB_CATALOGUE.benefits, { issueBirthdays: { runBatch: issueBirthdays }, remindReceipt: { runBatch: remindReceipt }, finishRounds: { runBatch: finishRounds } }) },
)
