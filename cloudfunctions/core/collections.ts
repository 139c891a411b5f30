/**
 * Every collection the functions use, its document type, and what the stores must index.
 * The SQLite adapter creates these indexes itself; for CloudBase the README lists them to create in the console.
 */
import type { AuditAction } from '../../types/audit'
import type { JobOutcome } from '../../types/jobs'
import type { ConsentChoice, MessageKind, PushState } from '../../types/messages'
import type { ApiResult } from '../../types/result'
import type { MemberStatus, UnionSettings } from '../../types/members'
import type { NoticeAudience, NoticeCategory } from '../../types/notices'

export interface UnitDoc {
  _id: string
  name: string
  /** Colleges or departments this branch union covers. */
  departments: string[]
  order: number
}

/**
 * What a scoped role is held for, beside units: a club (俱乐部), a handling department (承办部门), a congress session
 * (届次, e.g. 六届二次). The clubs and congress modules add their own fields; roles need only the id and the name.
 */
export interface ScopeDoc {
  _id: string
  name: string
  order: number
}

export type ClubDoc = ScopeDoc
export type DepartmentDoc = ScopeDoc
export type CongressSessionDoc = ScopeDoc

export interface MemberDoc {
  _id: string
  staffNo: string
  name: string
  gender: 'male' | 'female'
  birthDate: string
  unitId: string
  phone: string
  status: MemberStatus
  /** Union member since, YYYY-MM-DD. */
  memberSince: string
  /** Dues in good standing: benefits require it. */
  duesPaid: boolean
  /** Role grants, each `role` or `role:scope` (types/roles.ts). */
  roles: string[]
  createdAt: string
}

/** A WeChat user bound to a member; `_id` is the OPENID, so one WeChat user binds at most once. */
export interface BindingDoc {
  _id: string
  memberId: string
  boundAt: string
}

/** Binding attempts of one WeChat user in the current window (members/bindLimits.ts); `_id` is the OPENID. */
export interface BindAttemptDoc {
  _id: string
  /** Failures in the window, counting attempts still being checked. */
  failures: number
  /** When the window (an hour) began. */
  windowStart: string
  lockedUntil?: string
}

/** One staff number's failed binding attempts in one Shanghai day, across every WeChat user; `_id` `<staffNo>-<day>`. */
export interface StaffBindFailureDoc {
  _id: string
  staffNo: string
  day: string
  failures: number
}

/** One admin action: who, when, what, and the data before and after. Written once, never changed. */
export interface AuditDoc {
  _id: string
  at: string
  /** A member's id, or 'system' for a job. */
  actorId: string
  actorName: string
  action: AuditAction
  /** 'roster': the roster as a whole (an import or an export); 'settings': the union-wide settings. */
  targetType: 'notice' | 'member' | 'roster' | 'settings'
  targetId: string
  target: string
  before?: Record<string, unknown>
  after?: Record<string, unknown>
}

export interface NoticeDoc {
  _id: string
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  pinnedUntil?: string
  audience: NoticeAudience
  publishAt: string
  withdrawn: boolean
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
}

export interface NoticeReadDoc {
  _id: string
  noticeId: string
  memberId: string
  readAt: string
}

/** The union-wide settings: one document, `_id` 'union'; absent until first saved (defaults apply). */
export interface SettingsDoc extends UnionSettings {
  _id: string
  updatedAt: string
  updatedBy: string
}

/** A file holding personal data (a roster upload, an export), and when the roster function's timer deletes it. */
export interface FileDoc {
  _id: string
  fileId: string
  removeAfter: string
}

/** A periodic job's run record, `_id` '<function>.<job>': the round under way, the last run, the lease. */
export interface JobRunDoc {
  _id: string
  /** Where the round under way resumes; absent between rounds. */
  cursor?: string
  /** Items the round under way has handled so far. */
  roundCount: number
  lastCompletedAt?: string
  lastRunAt?: string
  lastOutcome?: JobOutcome
  lastCount?: number
  lastDurationMs?: number
  lastError?: string
  /** Batches the round under way has run. */
  roundBatches?: number
  /** A run holds the job until then, so overlapping runs never work the same batch; its writes carry its token. */
  leaseUntil?: string
  leaseToken?: string
}

/**
 * A write the app sent with an idempotency key, `_id` a hash of caller, function, action and key: pending while it
 * runs, then its answer, which a retry with the same key gets instead of applying the write again.
 */
export interface RequestKeyDoc {
  _id: string
  at: string
  state: 'pending' | 'done'
  result?: ApiResult<unknown>
}

/**
 * A document every transaction of one kind writes, so that two of them running at once conflict on CloudBase
 * (snapshot isolation only catches two writes to one document): `unionOffice` for changes that can take the union
 * office role away from someone.
 */
export interface LockDoc {
  _id: string
  version: number
}

/** One write of a roster import: a member to add, fields to change (with the values previewed), one to mark 离校. */
export type ImportOp =
  | { kind: 'add'; member: Omit<MemberDoc, '_id' | 'roles' | 'createdAt'> }
  | { kind: 'update'; id: string; changes: { field: keyof MemberDoc; before: unknown; after: unknown }[] }
  | { kind: 'leave'; id: string }

/**
 * A roster import being applied in chunks (roster/applyImport.ts), `_id` the preview's planId. Deleted with its
 * chunks an hour after it started, like the file it came from.
 */
export interface RosterImportDoc {
  _id: string
  fileId: string
  full: boolean
  actorId: string
  startedAt: string
  state: 'applying' | 'done' | 'stopped'
  chunks: number
  nextChunk: number
  /** Writes made so far, of `total`. */
  applied: number
  total: number
  result: { added: number; updated: number; markedLeft: number; unchanged: number }
  /** The audit entry's `after`, worked out when the import was previewed and stored. */
  summary: Record<string, unknown>
  removeAfter: string
}

/** One chunk of an import's writes, `_id` `<planId>-<index>`; removed by the transaction that applies it. */
export interface RosterImportChunkDoc {
  _id: string
  ops: ImportOp[]
  removeAfter: string
}

/**
 * One message to one member (core/notify.ts), `_id` a hash of kind, subject and recipient, so the same message never
 * lands twice. Its inbox text is fixed when it is written; `push*` track the WeChat subscription message.
 */
export interface MessageDoc {
  _id: string
  recipientId: string
  kind: MessageKind
  /** What it is about ('notice:<id>'): scheduled messages are cancelled through it. */
  subject: string
  data: Record<string, unknown>
  title: string
  text: string
  /** Without a leading slash. */
  page: string
  createdAt: string
  /** When it reaches the inbox (and WeChat). */
  sendAt: string
  read: boolean
  readAt?: string
  cancelled?: boolean
  pushState: PushState
  templateId?: string
  pushAttempts: number
  /** When the dispatch job next tries it. */
  pushNextAt?: string
  /** A dispatch run holds it until then. */
  pushLeaseUntil?: string
  pushedAt?: string
  pushError?: string
}

/**
 * A message to many (a notice to everyone), written with the change in one write; once its time has come the
 * messages function's fanOut job writes each recipient's message from it, a batch at a time. `_id` a hash of kind
 * and subject. Until then it is the one document to change (a notice edited: the batch follows, in the same
 * transaction); withdrawn, it becomes `cancelling` in that transaction, and the fanOut job cancels whatever entries
 * it had written (`cancelled`).
 */
export interface MessageBatchDoc {
  _id: string
  kind: MessageKind
  subject: string
  data: Record<string, unknown>
  sendAt: string
  audience: { kind: 'all' } | { kind: 'units'; unitIds: string[] }
  state: 'pending' | 'done' | 'cancelling' | 'cancelled'
  /** The last member id written; absent before the first batch. */
  cursor?: string
  createdAt: string
}

/** A member's consents to one template, `_id` a hash of member and template: each 允许 allows one send. */
export interface ConsentDoc {
  _id: string
  memberId: string
  templateId: string
  remaining: number
  lastChoice: ConsentChoice
  updatedAt: string
}

interface CollectionTypes {
  units: UnitDoc
  clubs: ClubDoc
  departments: DepartmentDoc
  congressSessions: CongressSessionDoc
  members: MemberDoc
  bindings: BindingDoc
  bindAttempts: BindAttemptDoc
  staffBindFailures: StaffBindFailureDoc
  auditLog: AuditDoc
  notices: NoticeDoc
  noticeReads: NoticeReadDoc
  settings: SettingsDoc
  files: FileDoc
  jobRuns: JobRunDoc
  requestKeys: RequestKeyDoc
  locks: LockDoc
  rosterImports: RosterImportDoc
  rosterImportChunks: RosterImportChunkDoc
  messages: MessageDoc
  messageBatches: MessageBatchDoc
  consents: ConsentDoc
}

export type CollectionName = keyof CollectionTypes
export type DocOf<C extends CollectionName> = CollectionTypes[C]

export interface CollectionDefinition {
  /** Field paths queries filter or sort on; each list is one (compound) index. */
  indexes: string[][]
  /** Field paths whose combined value is unique. */
  unique: string[][]
  /** Paths holding arrays: `{ path: x }` matches when an element equals x. */
  arrays: string[]
}

export const COLLECTIONS: Record<CollectionName, CollectionDefinition> = {
  units: { indexes: [['order']], unique: [['name']], arrays: [] },
  clubs: { indexes: [['order']], unique: [['name']], arrays: [] },
  departments: { indexes: [['order']], unique: [['name']], arrays: [] },
  congressSessions: { indexes: [['order']], unique: [['name']], arrays: [] },
  members: { indexes: [['unitId'], ['name']], unique: [['staffNo']], arrays: ['roles'] },
  bindings: { indexes: [], unique: [['memberId']], arrays: [] },
  bindAttempts: { indexes: [['windowStart']], unique: [], arrays: [] },
  staffBindFailures: { indexes: [['day']], unique: [], arrays: [] },
  // Module histories read one target's entries: a member's, an event's, an application's.
  auditLog: { indexes: [['at'], ['action', 'at'], ['targetType', 'targetId', 'at']], unique: [], arrays: [] },
  notices: {
    indexes: [['withdrawn', 'publishAt'], ['pinned', 'publishAt']],
    unique: [],
    arrays: ['audience.unitIds'],
  },
  noticeReads: { indexes: [['memberId']], unique: [['noticeId', 'memberId']], arrays: [] },
  settings: { indexes: [], unique: [], arrays: [] },
  files: { indexes: [['removeAfter']], unique: [], arrays: [] },
  jobRuns: { indexes: [], unique: [], arrays: [] },
  requestKeys: { indexes: [['at']], unique: [], arrays: [] },
  locks: { indexes: [], unique: [], arrays: [] },
  rosterImports: { indexes: [['removeAfter']], unique: [], arrays: [] },
  rosterImportChunks: { indexes: [['removeAfter']], unique: [], arrays: [] },
  messages: {
    indexes: [['recipientId', 'sendAt'], ['recipientId', 'read'], ['pushState', 'pushNextAt'], ['subject'], ['createdAt']],
    unique: [],
    arrays: [],
  },
  messageBatches: { indexes: [['state', 'sendAt']], unique: [], arrays: [] },
  consents: { indexes: [['memberId']], unique: [], arrays: [] },
}
