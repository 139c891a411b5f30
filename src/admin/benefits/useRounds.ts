/** 节日慰问: the year's rounds, a new round previewed and applied, a round's progress, and a unit's handout list. */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { RoundDetail, RoundPreview } from '../../../types/festivalRounds'
import { useFormState } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, newIdempotencyKey, write } from '../../services/api'
import { newRoundForm, roundInput, type RoundForm, type RoundRequest } from './roundForm'
import { useFestivals } from './useBenefitPolicies'

export const roundUrl = (roundId: string) => `/admin/benefits/round/index?id=${roundId}`
export const handoutUrl = (roundId: string, unitId: string) => `/admin/benefits/handout/index?round=${roundId}&unit=${unitId}`

export function useRounds() {
  return useRemote(() => call('benefits', 'rounds', {}))
}

/** A round's progress; one left 发放中 is written on from here, a call at a time, until it is done. */
export function useRound(roundId: string) {
  const round = useRemote(() => call('benefits', 'round', { roundId }), [roundId])
  const applying = round.data?.state === 'applying'
  const { setData } = round
  useEffect(() => {
    if (!applying) return
    let stopped = false
    const goOn = async (): Promise<void> => {
      const detail = await write('benefits', 'resumeRound', { roundId }, newIdempotencyKey())
      if (stopped) return
      setData(detail)
      if (detail.state === 'applying') return goOn()
    }
    goOn().catch(() => undefined)
    return () => {
      stopped = true
    }
  }, [applying, roundId, setData])
  return round
}

/** 发放节日慰问 (union office): the form, its preview (dropped when the form changes), and applying what it showed. */
export function useRoundEditor() {
  const festivals = useFestivals()
  const units = useRemote(() => call('members', 'units'))
  const { form, setForm, errors, change: edit, accept } = useFormState<RoundForm>(() => newRoundForm(undefined))
  const [preview, setPreview] = useState<{ request: RoundRequest; result: RoundPreview }>()
  const first = festivals.data?.[0]
  useEffect(() => {
    if (first) setForm((previous) => (previous.festival ? previous : { ...previous, date: first.date, festival: first.festival }))
  }, [first, setForm])
  const change = (fields: Partial<RoundForm>) => {
    edit(fields)
    setPreview(undefined)
  }
  const previewing = useMutation((request: RoundRequest) => call('benefits', 'previewRound', request), {
    onSuccess: (result, request) => setPreview({ request, result }),
  })
  const applying = useMutation(
    ({ request, result }: { request: RoundRequest; result: RoundPreview }, key: string) =>
      write('benefits', 'applyRound', { round: request, expected: { count: result.count, totalFen: result.totalFen } }, key),
    { success: '已发放', onSuccess: (detail: RoundDetail) => void Taro.redirectTo({ url: roundUrl(detail.id) }) },
  )
  const runPreview = () => {
    const request = accept(roundInput(form))
    if (request) void previewing.run(request)
  }
  const apply = () => {
    if (preview) void applying.run(preview)
  }
  return {
    festivals: festivals.data ?? [],
    units: units.data ?? [],
    form,
    errors,
    change,
    preview: preview?.result,
    runPreview,
    previewBusy: previewing.busy,
    apply,
    applyBusy: applying.busy,
  }
}

/** A unit's handout list of a round, and marking people as having collected their gifts. */
export function useHandout(roundId: string, unitId: string) {
  const handout = useRemote(() => call('benefits', 'roundHandout', { roundId, unitId }), [roundId, unitId])
  const [chosen, setChosen] = useState<string[]>([])
  const marking = useMutation((memberIds: string[], key: string) => write('benefits', 'markReceived', { roundId, unitId, memberIds }, key), {
    success: (_result, memberIds) => `已登记 ${memberIds.length} 人领取`,
    onSuccess: (result) => {
      handout.setData(result)
      setChosen([])
    },
  })
  return { handout, chosen, setChosen, mark: () => void marking.run(chosen), marking: marking.busy }
}
