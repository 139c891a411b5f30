/**
 * The roster as an Excel file (union office): download the template, export the roster, and import a file in two
 * steps, preview then apply. Changing the import mode previews the same file again.
 */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ROSTER_MAX_BYTES, type RosterApplied, type RosterPreview } from '../../../types/roster'
import { showError } from '../../hooks/useRemote'
import { call } from '../../services/api'
import { openDownload, pickAndUpload, type UploadedFile } from '../../services/files'

type Busy = 'template' | 'export' | 'upload' | 'preview' | 'apply'

/** Template and export downloads, with the step in progress. */
export function useRosterDownloads() {
  const [busy, setBusy] = useState<Busy>()
  const download = async (step: 'template' | 'export', unitId?: string) => {
    setBusy(step)
    try {
      await openDownload(step === 'template' ? await call('roster', 'template') : await call('roster', 'export', unitId ? { unitId } : {}))
    } catch (error) {
      showError(error)
    } finally {
      setBusy(undefined)
    }
  }
  return {
    busy,
    downloadTemplate: () => download('template'),
    exportRoster: (unitId?: string) => download('export', unitId),
  }
}

export function useRosterImport() {
  const [file, setFile] = useState<UploadedFile>()
  const [full, setFullMode] = useState(false)
  const [preview, setPreview] = useState<RosterPreview>()
  const [applied, setApplied] = useState<RosterApplied>()
  const [busy, setBusy] = useState<Busy>()

  const run = async (step: Busy, work: () => Promise<void>) => {
    setBusy(step)
    try {
      await work()
    } catch (error) {
      showError(error)
    } finally {
      setBusy(undefined)
    }
  }

  const previewOf = (chosen: UploadedFile, asFull: boolean) =>
    run('preview', async () => {
      setPreview(undefined)
      setPreview(await call('roster', 'preview', { fileId: chosen.fileId, full: asFull }))
    })

  const pick = () =>
    run('upload', async () => {
      const chosen = await pickAndUpload({
        extension: 'xlsx',
        maxBytes: ROSTER_MAX_BYTES,
        tooLarge: (size) => `文件有 ${size} MB，超过了 ${ROSTER_MAX_BYTES / 1024 / 1024} MB 的上限：请只保留名册数据后再导入`,
      })
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
      title: '确认导入',
      content: `将新增 ${add} 人、更新 ${update} 人${preview.full ? `、将 ${markLeft} 人标为离校` : ''}。导入会记入操作日志，确定导入吗？`,
      confirmText: '导入',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    await run('apply', async () => {
      setApplied(await call('roster', 'apply', { fileId: file.fileId, full: preview.full, planId: preview.planId }))
      setFile(undefined)
      setPreview(undefined)
      // The result shows at the top of the page, where the preview's long lists were.
      await Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
    })
  }

  return { file, full, preview, applied, busy, pick, setFull, apply }
}
