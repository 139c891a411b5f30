/**
 * The roster as an Excel file (union office): download the template, export the roster, and import a file in two
 * steps, preview then apply. Changing the import mode previews the same file again.
 */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RequestOf } from '../../../types/contracts'
import { ROSTER_MAX_BYTES, tooLargeMessage, type RosterApplied } from '../../../types/roster'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { ApiError, call, toApiError, write } from '../../services/api'
import { confirmed } from '../../services/feedback'
import { openDownload, pickAndUpload, type UploadedFile } from '../../services/files'

/** Template and export downloads. */
export function useRosterDownloads() {
  const template = useMutation(async () => openDownload(await call('exports', 'rosterTemplate')))
  const exporting = useMutation(async (unitId: string | undefined, key) => openDownload(await write('exports', 'roster', unitId ? { unitId } : {}, key)))
  return { template, exporting }
}


export function useRosterImport() {
  const [file, setFile] = useState<UploadedFile>()
  const [full, setFull] = useState(false)
  const [applied, setApplied] = useState<RosterApplied>()
  // The preview belongs to one file and mode: choosing another shows nothing until its own preview comes.
  const preview = useRemote(async () => (file ? call('exports', 'rosterPreview', { fileId: file.fileId, full }) : undefined), [file, full])

  const picking = useMutation(async () => {
    const chosen = await pickAndUpload({ extension: 'xlsx', maxBytes: ROSTER_MAX_BYTES, tooLarge: tooLargeMessage })
    if (!chosen) return
    setApplied(undefined)
    setFile(chosen)
  })

  /** While a large import is written over several calls: how far it is. */
  const [progress, setProgress] = useState<{ applied: number; total: number }>()
  const applying = useMutation(
    async (plan: RequestOf<'exports', 'rosterApply'>, key) => {
      try {
        // A large import is written over several calls, each answering how far it got; each call is its own write.
        for (let round = 0; ; round++) {
          const answer = await write('exports', 'rosterApply', plan, `${key}-${round}`)
          if (answer.done) return answer
          setProgress({ applied: answer.applied, total: answer.total })
        }
      } catch (error) {
        const { code, message } = toApiError(error)
        if (code !== 'CONFLICT') throw error
        // The roster changed since the preview: show the new one, so the person checks again before applying.
        void preview.reload()
        throw new ApiError('CONFLICT', `${message}。页面已按最新名册重新核对，请再次确认。`)
      } finally {
        setProgress(undefined)
      }
    },
    {
      onSuccess: async (result) => {
        setApplied(result)
        setFile(undefined)
        // The result shows at the top of the page, where the preview's long lists were.
        await Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
      },
    },
  )

  const apply = async () => {
    const shown = preview.data
    if (!file || !shown) return
    const { add, update, markLeft } = shown.counts
    const title = shown.full ? '确认按全校完整名册导入' : '确认导入'
    const content = shown.full
      ? `文件将作为全校完整名册：新增 ${add} 人、更新 ${update} 人，文件中没有的 ${markLeft} 人将标为离校。导入会记入操作日志，确定吗？`
      : `将新增 ${add} 人、更新 ${update} 人。导入会记入操作日志，确定导入吗？`
    if (await confirmed(title, content, '导入')) await applying.run({ fileId: file.fileId, full: shown.full, planId: shown.planId })
  }

  return { file, full, preview, applied, progress, picking: picking.busy, applying: applying.busy, pick: () => picking.run(), setFull, apply }
}
