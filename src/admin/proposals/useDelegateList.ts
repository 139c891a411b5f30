/**
 * 代表名单 of a session (教代会届次): the list as it stands to download and edit, the edited file picked and
 * previewed, then imported (the exports function reads it; see cloudfunctions/exports/delegates.ts).
 */
import { useState } from 'react'
import { ROSTER_MAX_BYTES, tooLargeMessage } from '../../../types/roster'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { openDownload, pickAndUpload, type UploadedFile } from '../../services/files'

export function useDelegateList(sessionId: string, onImported: () => void) {
  const [file, setFile] = useState<UploadedFile>()
  // The preview belongs to one file: choosing another shows nothing until its own preview comes.
  const preview = useRemote(async () => (file ? call('exports', 'delegatesPreview', { sessionId, fileId: file.fileId }) : undefined), [file])
  const downloading = useMutation(async () => openDownload(await call('exports', 'delegatesFile', { sessionId })))
  const picking = useMutation(async () => {
    const chosen = await pickAndUpload({ extension: 'xlsx', maxBytes: ROSTER_MAX_BYTES, tooLarge: tooLargeMessage })
    if (chosen) setFile(chosen)
  })
  const applying = useMutation((plan: { fileId: string; planId: string }, key) => write('exports', 'delegatesApply', { sessionId, ...plan }, key), {
    success: '代表名单已导入',
    onSuccess: () => {
      setFile(undefined)
      onImported()
    },
  })
  return {
    file,
    preview,
    download: () => downloading.run(),
    pick: () => picking.run(),
    apply: () => (file && preview.data ? applying.run({ fileId: file.fileId, planId: preview.data.planId }) : Promise.resolve()),
    cancel: () => setFile(undefined),
    busy: downloading.busy || picking.busy || applying.busy,
  }
}
