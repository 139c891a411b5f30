/**
 * The organizer's event form: a new event (union-wide, or with `unitId` a unit's own) or a saved one; saving it,
 * publishing, closing sign-up early, cancelling and deleting a draft. What the function refuses shows under the
 * field it names, and in words beside the buttons until the form changes.
 */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { RequestOf } from '../../../types/contracts'
import { COVER_MAX_BYTES, type EventDraft } from '../../../types/events'
import { useSeededForm } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, toApiError, write } from '../../services/api'
import { confirmed, showDone } from '../../services/feedback'
import { pickAndUploadImage } from '../../services/images'
import { checkEventForm, formFromDraft, newEventForm, type EventForm } from './eventForm'
import { editUrl, useOrganizer } from './useAdminEvents'

/** Back to the list the form was opened from, once the success toast has been seen. */
const backToList = () => void setTimeout(() => Taro.navigateBack(), 600)

/** The settings as sent (the schema's input). */
type EventSettings = RequestOf<'events', 'update'>['settings']

/** What the function said no to, kept on screen until the form changes. */
export interface Refusal {
  message: string
  fields: Record<string, string>
}

export function useEventEditor(id: string | undefined, unitIdParam: string | undefined) {
  const organizer = useOrganizer()
  const units = useRemote(() => call('members', 'units'))
  const draft = useRemote(async () => (id ? call('events', 'adminGet', { eventId: id }) : undefined), [id])
  // Congress sessions, for "delegates of a session": the union office can list them.
  const sessions = useRemote(async () => (organizer.office ? (await call('members', 'scopeOptions')).delegate : []), [organizer.office])
  const { form, errors, change: changeForm, accept, reseed } = useSeededForm(draft.data, formFromDraft, () => newEventForm())
  const [refusal, setRefusal] = useState<Refusal>()
  const unitId = id ? draft.data?.unitId : unitIdParam
  const unitOrder = (units.data ?? []).map((unit) => unit.id)

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: id ? '编辑活动' : unitIdParam ? '新建分工会活动' : '新建活动' })
  }, [id, unitIdParam])

  const change = (fields: Partial<EventForm>) => {
    changeForm(fields)
    setRefusal(undefined)
  }

  /** Sends a write; a refusal is kept (with its fields) for the form to show, and rethrown for the dialog. */
  const refused = async <R>(send: () => Promise<R>): Promise<R> => {
    try {
      const result = await send()
      setRefusal(undefined)
      return result
    } catch (caught) {
      const error = toApiError(caught)
      if (error.code === 'INVALID_INPUT' || error.code === 'CONFLICT') setRefusal({ message: error.message, fields: error.fields })
      throw error
    }
  }

  const saved = (fresh: EventDraft) => {
    draft.setData(fresh)
    reseed(fresh)
  }

  /** Saves the settings: creates the draft the first time (then this page becomes its edit page). */
  const saveSettings = async (settings: EventSettings, key: string): Promise<EventDraft | { id: string }> =>
    id ? write('events', 'update', { eventId: id, settings }, key) : write('events', 'create', { ...(unitId ? { unitId } : {}), settings }, key)

  const saving = useMutation((settings: EventSettings, key) => refused(() => saveSettings(settings, key)), {
    onSuccess: (result) => {
      if ('settings' in result) {
        showDone('已保存')
        saved(result)
      } else {
        showDone('已保存草稿')
        void Taro.redirectTo({ url: editUrl({ id: result.id }) })
      }
    },
  })

  // 发布 saves what the form shows first, so what is published is what the organizer sees.
  const publishing = useMutation(
    (settings: EventSettings, key) =>
      refused(async () => {
        const first = await saveSettings(settings, `${key}-save`)
        return write('events', 'publish', { eventId: first.id }, `${key}-publish`)
      }),
    {
      success: '已发布',
      onSuccess: (published) => {
        if (id) saved(published)
        else backToList()
      },
    },
  )

  const closing = useMutation((_: void, key) => refused(() => write('events', 'closeSignup', { eventId: id! }, key)), {
    success: '已截止报名',
    onSuccess: saved,
  })

  const cancelling = useMutation((reason: string, key) => refused(() => write('events', 'cancel', { eventId: id!, reason }, key)), {
    success: '活动已取消',
    onSuccess: saved,
  })

  // A draft never published can go; the list it came from shows it gone.
  const deleting = useMutation((_: void, key) => refused(() => write('events', 'deleteDraft', { eventId: id! }, key)), {
    success: '已删除',
    onSuccess: backToList,
  })

  // The picture is uploaded at once; the event shows it once the settings are saved.
  const coverPicking = useMutation(async () => {
    const image = await pickAndUploadImage(COVER_MAX_BYTES)
    if (image) change({ cover: { fileId: image.fileId, url: image.previewUrl } })
  })

  const checked = () => {
    const input = accept(checkEventForm(form, unitOrder, id ? undefined : unitId))
    return input?.settings
  }

  const save = () => {
    const settings = checked()
    if (settings) void saving.run(settings)
  }

  const publish = () => {
    const settings = checked()
    if (settings) void publishing.run(settings)
  }

  const shownErrors = { ...(refusal?.fields ?? {}), ...errors }
  const busy = saving.busy || publishing.busy || closing.busy || cancelling.busy || deleting.busy || coverPicking.busy

  return {
    id,
    unitId,
    organizer,
    draft,
    units: units.data ?? [],
    sessions: sessions.data ?? [],
    form,
    errors: shownErrors,
    refusal: refusal?.message,
    change,
    save,
    publish,
    closeSignup: async () => {
      if (!(await confirmed('提前截止报名', `现在截止「${form.title}」的报名？截止后会员不能再报名或候补，已报名的不受影响。`, '截止报名'))) return
      await closing.run()
    },
    cancel: (reason: string) => cancelling.run(reason),
    deleteDraft: async () => {
      if (!(await confirmed('删除草稿', `删除「${form.title}」这份草稿？删除后不能恢复。`, '删除'))) return
      await deleting.run()
    },
    chooseCover: () => coverPicking.run(),
    removeCover: () => change({ cover: undefined }),
    uploadingCover: coverPicking.busy,
    saving: saving.busy,
    publishing: publishing.busy,
    closing: closing.busy,
    cancelling: cancelling.busy,
    deleting: deleting.busy,
    busy,
  }
}
