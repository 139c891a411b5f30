/**
 * 提案审查's files: the session's 提案汇编 (.docx, the form the congress office prints) and 提案办理情况表 (.xlsx), made by
 * the exports function and opened as the ledger's file is (WeChat shows it with 转发; the browser saves it).
 */
import { useMutation } from '../../hooks/useMutation'
import { write } from '../../services/api'
import { openDownload } from '../../services/files'

export function useProposalFiles(sessionId: string | undefined) {
  // Each a write: a file and an audit entry; a retry with the same key answers the first file.
  const book = useMutation(async (id: string, key) => openDownload(await write('exports', 'proposalBook', { sessionId: id }, key)))
  const handling = useMutation(async (id: string, key) => openDownload(await write('exports', 'proposalHandling', { sessionId: id }, key)))
  return {
    ready: sessionId !== undefined,
    downloadBook: () => (sessionId ? book.run(sessionId) : Promise.resolve()),
    downloadHandling: () => (sessionId ? handling.run(sessionId) : Promise.resolve()),
    bookBusy: book.busy,
    handlingBusy: handling.busy,
  }
}
