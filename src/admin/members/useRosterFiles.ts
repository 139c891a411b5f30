/**
 * The roster as an Excel file (union office): download the template, export the roster, and import a file in two
 * steps, preview then apply. Changing the import mode previews the same file again.
 */
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ROSTER_MAX_BYTES, tooLargeMessage, type RosterApplied, type RosterPreview } from '../../../types/roster'
import { showError } from '../../hooks/useRemote'
import { call, toApiError } from '../../services/api'
import { openDownload, pickAndUpload, type UploadedFile } from '../../services/files'

type Step = 'template' | 'export' | 'upload' | 'preview' | 'apply'

/**
 * The step in progress, and a runner that hands any failure to `fail`: by default shown the way every screen does
 * (a toast, or the sign-in page).
 */
function useSteps(fail: (error: unknown) => void = showError) {
  const [busy, setBusy] = useState<Step>()
  const run = async (step: Step, work: () => Promise<void>) => {
    setBusy(step)
    try {
      await work()
    } catch (error) {
      fail(error)
    } finally {
      setBusy(undefined)
    }
  }
  return { busy, run }
}

/** Template and export downloads. */
export function useRosterDownloads() {
  const { busy, run } = useSteps()
  return {
    busy,
    downloadTemplate: () => run('template', async () => openDownload(await call('roster', 'template'))),
    exportRoster: (unitId?: string) => run('export', async () => openDownload(await call('roster', 'export', unitId ? { unitId } : {}))),
  }
}

export function useRosterImport() {
  const [file, setFile] = useState<UploadedFile>()
  const [full, setFullMode] = useState(false)
  const [preview, setPreview] = useState<RosterPreview>()
  const [applied, setApplied] = useState<RosterApplied>()
  /** While a large import is written over several calls: how far it is. */
  const [applying, setApplying] = useState<{ applied: number; total: number }>()
  // What went wrong with the file, shown on the page: a file's problems take more words than a toast holds.
  const [problem, setProblem] = useState<string>()
  const { busy, run } = useSteps((error) => {
    const { code, message } = toApiError(error)
    if (code === 'NOT_SIGNED_IN') showError(error)
    else setProblem(message)
  })
  // Only the latest preview asked for may show: a slower answer for another file or mode is dropped.
  const latest = useRef(0)

  const previewOf = (chosen: UploadedFile, asFull: boolean) => {
    const ticket = ++latest.current
    setPreview(undefined)
    setProblem(undefined)
    return run('preview', async () => {
      const answer = await call('roster', 'preview', { fileId: chosen.fileId, full: asFull })
      if (ticket === latest.current) setPreview(answer)
    })
  }

  const pick = () =>
    run('upload', async () => {
      setProblem(undefined)
      const chosen = await pickAndUpload({ extension: 'xlsx', maxBytes: ROSTER_MAX_BYTES, tooLarge: tooLargeMessage })
      if (!chosen) return
      setFile(chosen)
      setApplied(undefined)
      await previewOf(chosen, full)
    })

  const setFull = (next: boolean) => {
    setFullMode(next)
    if (file) void previewOf(file, next)
  }

  const apply = async () => {
    if (!file || !preview) return
    const { add, update, markLeft } = preview.counts
    const { confirm } = await Taro.showModal({
      title: preview.full ? '确认按全校完整名册导入' : '确认导入',
      content: preview.full
        ? `文件将作为全校完整名册：新增 ${add} 人、更新 ${update} 人，文件中没有的 ${markLeft} 人将标为离校。导入会记入操作日志，确定吗？`
        : `将新增 ${add} 人、更新 ${update} 人。导入会记入操作日志，确定导入吗？`,
      confirmText: '导入',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    setProblem(undefined)
    let conflict: string | undefined
    await run('apply', async () => {
      try {
        // A large import is written over several calls: each answers how far it got.
        let progress: RosterApplied
        do {
          progress = await call('roster', 'apply', { fileId: file.fileId, full: preview.full, planId: preview.planId })
          if (!progress.done) setApplying({ applied: progress.applied, total: progress.total })
        } while (!progress.done)
        setApplied(progress)
      } catch (error) {
        const apiError = toApiError(error)
        if (apiError.code === 'CONFLICT') conflict = apiError.message
        throw error
      } finally {
        setApplying(undefined)
      }
      setFile(undefined)
      setPreview(undefined)
      // The result shows at the top of the page, where the preview's long lists were.
      await Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
    })
    // The roster changed since the preview: show the new one, so the person checks again before applying.
    if (conflict) {
      await previewOf(file, preview.full)
      setProblem(`${conflict}。下面是按最新名册重新核对的结果，请再次确认。`)
    }
  }

  return { file, full, preview, applied, applying, problem, busy, pick, setFull, apply }
}
