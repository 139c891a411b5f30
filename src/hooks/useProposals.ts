/**
 * 教代会提案 for a member: the session, my proposals and my invitations to second, one proposal and the steps I may
 * take on it, and the draft that saves itself as it is typed.
 */
import Taro, { useDidHide, useUnload } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { PROPOSAL_IMAGE_MAX_BYTES, type ProposalCategory, type ProposalDetail, type Satisfaction } from '../../types/proposals'
import { call, newIdempotencyKey, write } from '../services/api'
import { showDone } from '../services/feedback'
import { pickAndUploadImage } from '../services/images'
import { useMutation } from './useMutation'
import { usePagedList } from './usePagedList'
import { useRemote } from './useRemote'

export const PROPOSALS_URL = '/proposals/index/index'
export const proposalUrl = (id: string) => `/proposals/detail/index?id=${encodeURIComponent(id)}`
export const editProposalUrl = (id?: string) => `/proposals/edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`

export const useProposalSession = () => useRemote(() => call('proposals', 'session', {}))

export const useMyProposals = () => usePagedList((offset, limit) => call('proposals', 'mine', { offset, limit }), [])

export const useInvitations = () => usePagedList((offset, limit) => call('proposals', 'invitations', { offset, limit }), [])

export const useSessions = () => useRemote(() => call('proposals', 'sessions'))

/** 公开提案: a session's accepted proposals, of one category or all. */
export const usePublicRecord = (sessionId: string, category: ProposalCategory | '') =>
  usePagedList(
    (offset, limit) => (sessionId ? call('proposals', 'record', { sessionId, ...(category ? { category } : {}), offset, limit }) : Promise.resolve({ items: [], hasMore: false, sessions: [] })),
    [sessionId, category],
  )

/** One proposal, and what I may do with it here: answer my invitation, recall it to change it, submit it. */
export function useProposalDetail(id: string) {
  const detail = useRemote(() => call('proposals', 'detail', { id }), [id])
  const done = (success: string) => ({ success, onSuccess: (fresh: ProposalDetail) => detail.setData(fresh) })
  const answering = useMutation((confirm: boolean, key) => write('proposals', 'answerInvitation', { id, confirm }, key), {
    success: (_fresh, confirm) => (confirm ? '已确认附议' : '已谢绝附议'),
    onSuccess: (fresh) => detail.setData(fresh),
  })
  const recalling = useMutation((_: void, key) => write('proposals', 'recall', { id }, key), { success: '已撤回，可以修改', onSuccess: () => void Taro.redirectTo({ url: editProposalUrl(id) }) })
  const submitting = useMutation((_: void, key) => write('proposals', 'submit', { id }, key), done('已提交'))
  const rating = useMutation((input: { satisfaction: Satisfaction; comment: string }, key) => write('proposals', 'rate', { id, ...input }, key), done('感谢您的评价'))
  const closing = useMutation((_: void, key) => write('proposals', 'close', { id }, key), done('已办结'))
  const withholding = useMutation((reason: string | null, key) => write('proposals', 'withhold', reason === null ? { id, withhold: false } : { id, withhold: true, reason }, key), {
    success: (_fresh, reason) => (reason === null ? '已恢复公开' : '已设为不公开'),
    onSuccess: (fresh) => detail.setData(fresh),
  })
  return {
    ...detail,
    answer: (confirm: boolean) => answering.run(confirm),
    recall: () => recalling.run(),
    submit: () => submitting.run(),
    rate: (satisfaction: Satisfaction, comment: string) => rating.run({ satisfaction, comment }),
    close: () => closing.run(),
    /** Off the public record with the reason; null: back on it. */
    withhold: (reason: string | null) => withholding.run(reason),
    busy: answering.busy || recalling.busy || submitting.busy || rating.busy || closing.busy || withholding.busy,
  }
}

export interface DraftText {
  title: string
  category: ProposalCategory
  reasons: string
  measures: string
  /** 代表团联名: its co-authors are delegates of my 代表团. */
  joint: boolean
  /** Pictures uploaded for it, with links to show them. */
  images: { fileId: string; url: string }[]
}

const BLANK: DraftText = { title: '', category: 'other', reasons: '', measures: '', joint: false, images: [] }

/** How long typing pauses before the draft is saved. */
const SAVE_AFTER_MS = 1500

/**
 * The draft being written: loaded by its id (or blank), saved a moment after each change, when the page hides and
 * when it closes, so closing the app loses nothing. The first save creates it; `saved` is what the function answered
 * (a proposal or a suggestion, its seconders, its steps).
 */
export function useDraft(initialId: string | undefined, sessionId: string | undefined, mayJoin: boolean) {
  // Joint only while the form offers it (the list names my 代表团): a draft left joint otherwise saves as my own.
  const joinable = useRef(mayJoin)
  joinable.current = mayJoin
  const [text, setText] = useState<DraftText>(BLANK)
  const [saved, setSaved] = useState<ProposalDetail>()
  const [loaded, setLoaded] = useState(initialId === undefined)
  const [savedAt, setSavedAt] = useState<Date>()
  const dirty = useRef(false)
  const pending = useRef<ReturnType<typeof setTimeout>>()
  const current = useRef({ text, id: initialId })
  current.current = { text, id: saved?.id ?? initialId }
  const saving = useRef<Promise<ProposalDetail | undefined>>()
  // The save that creates the draft keeps its key until it is answered: a retry after a lost answer is the same draft.
  const createKey = useRef(newIdempotencyKey())

  useEffect(() => {
    if (!initialId) return
    void call('proposals', 'detail', { id: initialId }).then((detail) => {
      setSaved(detail)
      setText({ title: detail.title, category: detail.category, reasons: detail.reasons, measures: detail.measures, joint: detail.delegation !== undefined, images: detail.images })
      setLoaded(true)
    })
  }, [initialId])

  /** Saves what is typed now, once the save before it has answered (so the first one's id is used). */
  const save = async (): Promise<ProposalDetail | undefined> => {
    clearTimeout(pending.current)
    const before = saving.current
    const run = (async () => {
      await before
      if (!dirty.current) return undefined
      dirty.current = false
      const { text: now, id } = current.current
      try {
        const { images, joint, ...typed } = now
        const fresh = await write('proposals', 'saveDraft', { ...typed, joint: joint && joinable.current, imageFileIds: images.map((image) => image.fileId), ...(id ? { id } : {}) }, id ? newIdempotencyKey() : createKey.current)
        current.current.id = fresh.id
        setSaved(fresh)
        setSavedAt(new Date())
        return fresh
      } catch (error) {
        dirty.current = true
        throw error
      }
    })()
    saving.current = run.catch(() => undefined)
    return run
  }

  const change = (fields: Partial<DraftText>) => {
    setText((previous) => ({ ...previous, ...fields }))
    dirty.current = true
    clearTimeout(pending.current)
    pending.current = setTimeout(() => void save().catch(() => undefined), SAVE_AFTER_MS)
  }

  useDidHide(() => void save().catch(() => undefined))
  useUnload(() => void save().catch(() => undefined))

  /** Saved first, so what is sent is what is on the screen. */
  const thenSaved = async () => (await save()) ?? saved

  const inviting = useMutation(async (memberIds: string[], key) => {
    const draft = await thenSaved()
    return write('proposals', 'invite', { id: draft!.id, memberIds }, key)
  }, { success: '已发出附议邀请', onSuccess: (fresh) => void Taro.redirectTo({ url: proposalUrl(fresh.id) }) })

  const submitting = useMutation(async (_: void, key) => {
    const draft = await thenSaved()
    return write('proposals', 'submit', { id: draft!.id }, key)
  }, { success: '已提交', onSuccess: (fresh) => void Taro.redirectTo({ url: proposalUrl(fresh.id) }) })

  // Alike proposals of the session it is filed in (a suggestion has none), looked for as the title changes.
  const inSession = saved ? saved.sessionId : sessionId
  const similar = useRemote(
    () =>
      inSession && text.title.trim()
        ? call('proposals', 'similar', { sessionId: inSession, title: text.title, text: `${text.reasons}\n${text.measures}`, ...(saved ? { excludeId: saved.id } : {}) })
        : Promise.resolve([]),
    [inSession, text.title],
  )

  // A picture is uploaded first, then saved with the draft like any other change.
  const picking = useMutation(async () => {
    const image = await pickAndUploadImage(PROPOSAL_IMAGE_MAX_BYTES)
    if (image) change({ images: [...current.current.text.images, { fileId: image.fileId, url: image.previewUrl }] })
  })

  return {
    text,
    change,
    addImage: () => void picking.run(),
    addingImage: picking.busy,
    saved,
    loaded,
    savedAt,
    saveNow: () => void save().then((fresh) => fresh && showDone('已保存草稿')),
    invite: (memberIds: string[]) => inviting.run(memberIds),
    submit: () => submitting.run(),
    busy: inviting.busy || submitting.busy,
    similar: similar.data ?? [],
  }
}

/** The session's delegates to invite (only my 代表团's, for a joint proposal), found by name or staff number. */
export function useDelegates(sessionId: string | undefined, q: string, sameDelegation: boolean) {
  return useRemote(() => (sessionId ? call('proposals', 'delegates', { sessionId, q, sameDelegation }) : Promise.resolve([])), [sessionId, q, sameDelegation])
}
