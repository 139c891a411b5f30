/** Benefits for a member: 我的福利, 首页's birthday card, and confirming a gift received. */
import { formatYuan, type MyBenefit } from '../../types/benefits'
import { call, write } from '../services/api'
import { confirmed } from '../services/feedback'
import { useMutation } from './useMutation'
import { useRemote } from './useRemote'

export const MY_BENEFITS_URL = '/benefits/mine/index'

/** What the gift is worth and how it is given: "¥200 · 提货券（蛋糕卡）". */
export const worthLine = (benefit: MyBenefit, formLabel: string) => `${formatYuan(benefit.amountFen)} · ${formLabel}`

/** Confirms a gift received, after asking: who and when are recorded. `then` runs once it is done. */
function useConfirmReceipt(then: () => Promise<void>) {
  const mutation = useMutation((payoutId: string, key) => write('benefits', 'confirmReceipt', { payoutId }, key), { success: '已确认领取', onSuccess: then })
  const confirm = async (benefit: MyBenefit) => {
    if (await confirmed('确认已领取', `确认您已领取「${benefit.item}」？确认后将记录领取时间。`, '已领取')) await mutation.run(benefit.id)
  }
  return { confirm, busy: mutation.busy }
}

export function useMyBenefits() {
  const mine = useRemote(() => call('benefits', 'mine', {}))
  return { mine, ...useConfirmReceipt(() => mine.reload()) }
}

export function useBenefitsHome() {
  return useRemote(() => call('benefits', 'home'))
}
