/**
 * The union must always keep a union office admin. Nobody can revoke their own role or mark themselves 离校, but two
 * admins could each take the other's away at the same moment: each was authorized before the other's change
 * landed. So every change that can take the role away from someone runs `keepUnionOffice` in its transaction.
 */
import { holdsRole } from './authorize'
import type { MemberDoc } from './collections'
import { forbidden } from './errors'
import type { Transaction } from './store/port'

const LOCK = 'unionOffice'

/**
 * Inside the change's transaction: the actor must still be a current union office admin (so one remains after the
 * change, since the actor is never its target), and the change writes the shared lock, so that two such changes at
 * once conflict on CloudBase and one is retried against the other's result.
 */
export async function keepUnionOffice(tx: Transaction, actor: Pick<MemberDoc, '_id'>): Promise<void> {
  const current = await tx.get('members', actor._id)
  if (!current || current.status === 'left' || !holdsRole(current, 'unionOffice')) {
    throw forbidden('您的校工会管理员角色已被撤销（可能有其他管理员同时操作），这次操作没有执行')
  }
  if (await tx.get('locks', LOCK)) await tx.updateById('locks', LOCK, { $inc: { version: 1 } })
  else await tx.insert('locks', { _id: LOCK, version: 1 })
}
