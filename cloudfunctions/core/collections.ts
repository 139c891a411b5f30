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
import type { EventSettings, EventStatus, FormAnswers, SignupState } from '../../types/events'
import type { BenefitForm, BenefitKind, BenefitPolicy, Handout } from '../../types/benefits'
import type { Festival } from '../../types/festivals'
import type { RoundAudience } from '../../types/festivalRounds'
import type { ApplicationKind, ApplicationStep, Relation } from '../../types/benefitApplications'
import type { HardshipCause, HardshipLevel, HardshipState, VisitKind } from '../../types/hardship'
import type { ProposalCategory, ProposalKind, ProposalState, ProposalStep, ReplyOutcome, Satisfaction } from '../../types/proposals'

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

/**
 * A congress session (届次): its delegates and committee hold `delegate:<id>` and `committee:<id>`. The congress
 * fields are absent from a session the union office has not set up yet (sessionSettings gives what applies).
 */
export interface CongressSessionDoc extends ScopeDoc {
  /** The congress meets these Shanghai days. */
  meetingStart?: string
  meetingEnd?: string
  /** Proposals are filed from `opensAt` until `closesAt` (ISO). */
  opensAt?: string
  closesAt?: string
  /** Delegates besides the author who must confirm before a proposal can be submitted. */
  secondersNeeded?: number
  /** Weeks a department has to reply once a proposal is assigned. */
  replyWeeks?: number
  /** The last number given to an accepted proposal (六届二次-023 is the 23rd). */
  lastNumber?: number
  updatedAt?: string
}

/**
 * A proposal or a suggestion (types/proposals.ts), its text locked once submitted. Its seconders' answers are
 * documents of their own (`proposalSeconds`), so two answering at once never write the same document.
 */
export interface ProposalDoc {
  _id: string
  kind: ProposalKind
  /** A proposal's session; a suggestion's only when it was filed in (or converted from) one. */
  sessionId?: string
  state: ProposalState
  title: string
  category: ProposalCategory
  /** 案由: the situation and the reasons. */
  reasons: string
  /** 建议: the measures suggested. */
  measures: string
  /** Pictures of the situation (uploaded images), kept as long as the proposal. */
  imageFileIds?: string[]
  authorId: string
  authorName: string
  authorUnitId: string
  /**
   * Which round of invitations counts: recalling a proposal to change it starts a new round, so a confirmation of
   * the text as it was no longer counts.
   */
  round: number
  /** 六届二次-023, once accepted. */
  number?: string
  /** The accepted proposal it was merged into. */
  mainId?: string
  /** The committee's reason for a rejection, a conversion or a merge. */
  reason?: string
  createdAt: string
  updatedAt: string
  submittedAt?: string
  decidedAt?: string
  decidedByName?: string
  /** Its departments, once assigned: the lead one (主办) replies, the assisting ones (协办) give their input first. */
  leadDeptId?: string
  assistDeptIds?: string[]
  /** The Shanghai day the reply is due. */
  replyDue?: string
  /** Each assisting department's input, by its id. */
  assistInputs?: Record<string, { text: string; byName: string; at: string }>
  reply?: { outcome?: ReplyOutcome; text: string; completionDate?: string; byName: string; deptName: string; at: string }
  rating?: { satisfaction: Satisfaction; comment: string; at: string }
  /** Times an unsatisfied rating sent it back to be handled again. */
  rehandled?: number
  /** Kept off the public record by the union office, and why. */
  withheld?: { reason: string; byName: string; at: string }
  /** A joint proposal (联名提案) of the author's 代表团: its invitees are delegates of it, signing as co-authors. */
  delegation?: string
  /** What happened, oldest first: shown to whoever sees the proposal. */
  history: ProposalStepRecord[]
}

export interface ProposalStepRecord {
  step: ProposalStep
  state: ProposalState
  at: string
  byName: string
  note?: string
}

/** One delegate invited to second one proposal: `_id` is a hash of proposal and delegate. */
export interface ProposalSecondDoc {
  _id: string
  proposalId: string
  sessionId: string
  memberId: string
  memberName: string
  state: 'invited' | 'confirmed' | 'declined'
  /** The proposal's invitation round this answer is for (ProposalDoc.round). */
  round: number
  invitedAt: string
  answeredAt?: string
  /** A confirmed seconder's rating of the reply (`replyAt`: the reply it rates). */
  rating?: { satisfaction: Satisfaction; comment: string; at: string; replyAt: string }
}

/**
 * A delegate of a session as the union office imported the list (代表名单): their 代表团. `_id`: a hash of session
 * and member. Being a delegate is the role (`delegate:<session>`); the import grants and revokes it with these.
 */
export interface CongressDelegateDoc {
  _id: string
  sessionId: string
  memberId: string
  memberName: string
  staffNo: string
  delegation: string
  importedAt: string
}

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
  targetType: 'notice' | 'member' | 'roster' | 'settings' | 'event' | 'calendar' | 'benefitPolicy' | 'benefitRound' | 'benefitApplication' | 'benefitLedger' | 'benefitBudget' | 'hardshipCase' | 'retirementList' | 'congressSession' | 'department' | 'proposal'
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
export interface SettingsDoc extends Omit<UnionSettings, 'retirementAges'> {
  _id: string
  /** Absent from settings saved before it was one (settingsOf gives the default). */
  retirementAges?: UnionSettings['retirementAges']
  updatedAt: string
  updatedBy: string
}

/** A file to delete (a roster upload, an export, a cover an event let go of), and when the exports function's timer deletes it. */
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
 * A roster import being applied in chunks (exports/roster/applyImport.ts), `_id` the preview's planId. Deleted with its
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

/**
 * An event (活动). Its places are counted on the document itself: `remaining` is decremented by a guarded claim as a
 * sign-up takes a place and incremented as one frees it (cloudfunctions/events/seats.ts), so a rush can never take
 * more places than there are. `seatVersion` and `seatChangedAt` change with every such step: the job that repairs
 * drift (a call cut off between two steps) recounts only an event whose places have been quiet.
 */
export interface EventDoc extends EventSettings {
  _id: string
  /** Absent: a union-wide event of the union office; else the unit whose admin organizes it. */
  unitId?: string
  status: EventStatus
  /** Places no sign-up holds; null without a capacity. */
  remaining: number | null
  seatVersion: number
  seatChangedAt: string
  /** What the venue's check-in code carries (12 letters and digits), made when the event is published. */
  checkInCode: string
  /** The venue code's image, made once (files port). */
  venueCodeFileId?: string
  /** The reminders sent so far: the start time each was sent for, so a moved event is reminded again. */
  remindedDay?: string
  remindedHour?: string
  /** The reminder job's place in the event's sign-ups. */
  remindCursor?: string
  /** An organizer's save holds the event until then (events/actions.ts `editing`), under its token. */
  editLockUntil?: string
  editLockToken?: string
  cancelReason?: string
  /** The sign-up form and eligibility are fixed once anyone has signed up. */
  everSignedUp: boolean
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
  publishedAt?: string
}

/** One unit's quota of an event's places, `_id` `<eventId>.<unitId>`; `remaining` is claimed like the event's. */
export interface EventQuotaDoc {
  _id: string
  eventId: string
  unitId: string
  quota: number
  remaining: number
}

/**
 * A member's sign-up for an event, `_id` a hash of event and member: one per member per event, so a retried or
 * doubled sign-up finds the one there. One that ended (cancelled, rejected…) comes back to life when they sign up again.
 */
export interface EventSignupDoc {
  _id: string
  eventId: string
  memberId: string
  /** The unit whose quota it counts against: the member's when they signed up. */
  unitId: string
  memberName: string
  staffNo: string
  state: SignupState
  answers: FormAnswers
  signedUpAt: string
  /** Waiting since: the waitlist's order (then `_id`). */
  waitingSince?: string
  /** When it left the waitlist for a place. */
  promotedAt?: string
  offerExpiresAt?: string
  cancelRequestedAt?: string
  reason?: string
  checkedInAt?: string
  /** Marked by the organizer. */
  attendance?: 'present' | 'absent'
  /** When its member was told the event was cancelled (the tellCancelled job). */
  toldAt?: string
  updatedAt: string
}

/** A line of the union's 行事历 that is not a sign-up (筹备双代会, 送清凉, 年终总结). */
export interface CalendarEntryDoc {
  _id: string
  date: string
  title: string
  note?: string
  createdBy: string
  createdAt: string
}

/** A kind's benefit policy (工会福利政策); `_id` is the kind. */
export interface BenefitPolicyDoc extends BenefitPolicy {
  _id: BenefitKind
  updatedAt: string
  updatedById: string
  updatedByName: string
}

/** Where a payout comes from: the birthday job, a festival round, an application, a hardship case. */
export type PayoutSource =
  | {
      type: 'birthday'
      /** The policy's version the payout followed (its updatedAt): a change applies to new payouts only. */
      policyAt: string
    }
  | { type: 'festivalRound'; roundId: string }
  | { type: 'application'; applicationId: string }
  | { type: 'hardship'; caseId: string }
  | { type: 'retirementList' }

/**
 * One payout in the ledger (福利台账): who received what, under whose approval, and its receipt. `_id` names its
 * source (`birthday-2026-m0001`), so a job or a retry never pays twice.
 */
export interface BenefitPayoutDoc {
  _id: string
  memberId: string
  memberName: string
  staffNo: string
  unitId: string
  kind: BenefitKind
  /** The calendar year (Shanghai) it counts against the cap. */
  year: number
  item: string
  amountFen: number
  form: BenefitForm
  issuedAt: string
  source: PayoutSource
  /** The approval it rests on, in words: 2026 年生日慰问（工会福利政策）. */
  approvalRef: string
  approverId: string
  approverName: string
  handout: Handout
  code?: string
  /** The last Shanghai day to collect it. */
  deadline?: string
  receivedAt?: string
  receivedById?: string
  receivedByName?: string
  /** When the one reminder to collect it went out. */
  remindedAt?: string
  /** The festival round it belongs to (its handout lists are read by round and unit). */
  roundId?: string
  /** The hardship case it aids (a case lists its aid), and the day the aid was given. */
  caseId?: string
  aidDay?: string
}

/** One of a festival round's gifts: 粽子礼盒 ¥150 (实物). */
export interface RoundItem {
  item: string
  amountFen: number
  form: Exclude<BenefitForm, 'cash'>
}

/** Someone a festival round's audience holds who gets nothing from it, and why: 会费未按时缴纳, 离校, over the cap. */
export interface RoundLeftOut {
  memberId: string
  name: string
  staffNo: string
  unitId: string
  reason: string
}

/**
 * A festival round (节日慰问): one per festival and year, `_id` '2026-dragonBoat'. Applying it fixes its recipients
 * and writes their payouts a few members at a time, each member's in one transaction; a round cut off midway is
 * finished by the next call or the benefits function's job, so it ends with every recipient paid or, should the cap
 * refuse one as it is written, listed as left out with the reason.
 */
export interface BenefitRoundDoc {
  _id: string
  festival: Festival
  year: number
  /** The festival's day. */
  date: string
  title: string
  items: RoundItem[]
  audience: RoundAudience
  handout: Handout
  /** The last Shanghai day to collect the gifts. */
  deadline: string
  budgetFen: number
  /** The festival policy's cap as the round was applied: a later change applies to later rounds. */
  cap: Pick<BenefitPolicy, 'yearlyCapFen' | 'frequency'>
  /** Who receives it, in member id order: what the round writes payouts for. */
  recipientIds: string[]
  /** Recipients per unit, as applied. */
  unitCounts: { unitId: string; count: number }[]
  leftOut: RoundLeftOut[]
  totalFen: number
  state: 'applying' | 'applied'
  /** Recipients handled so far, in recipientIds' order: where a cut-off round resumes. */
  paid: number
  createdAt: string
  createdById: string
  createdByName: string
  appliedAt?: string
}

/** The union office's budgets of one year (types/budgets.ts), fen per kind: `_id` is the year ('2026'). */
export interface BenefitBudgetDoc {
  _id: string
  year: number
  kindsFen: Partial<Record<BenefitKind, number>>
  updatedAt: string
  updatedById: string
  updatedByName: string
}

/** A member's payouts of one kind in one year: what the cap is checked against. `_id`: `2026:m0001:birthday`. */
export interface BenefitTallyDoc {
  _id: string
  memberId: string
  year: number
  kind: BenefitKind
  totalFen: number
  count: number
}

/**
 * A life-event 慰问 application (cloudfunctions/benefits/applications.ts). `_id` is a hash of the member, the kind and
 * the event (its day; a hospital stay's hospital too; a relative's death the relation), so one event is one
 * application: applying again while it waits or after it was approved is refused, and applying again after it was
 * returned takes it up again. `approving` marks an approval under way (the payout is written, then the state):
 * nothing else may change the application meanwhile, and an approval cut off midway is finished by approving again
 * once its lease has run out.
 */
export interface BenefitApplicationDoc {
  _id: string
  memberId: string
  memberName: string
  staffNo: string
  /** The member's unit as they applied: whose admin checks it. */
  unitId: string
  kind: ApplicationKind
  /** The event's Shanghai day. */
  date: string
  hospital?: string
  dischargedOn?: string
  relation?: Relation
  note: string
  proofFileIds: string[]
  state: 'submitted' | 'checked' | 'approving' | 'approved' | 'returned'
  appliedAt: string
  /** The member, or the unit admin who applied for them. */
  appliedById: string
  appliedByName: string
  checkedAt?: string
  checkedById?: string
  checkedByName?: string
  /** An approval under way: whose, and until when it holds the application. */
  approvingToken?: string
  approvingUntil?: string
  /** Every return, oldest first. */
  returns: { step: ApplicationStep; byId: string; byName: string; at: string; reason: string }[]
  /** Approved: its ledger entry, and what it gave (as the entry says). */
  decidedAt?: string
  decidedById?: string
  decidedByName?: string
  payoutId?: string
  amountFen?: number
  form?: BenefitForm
  item?: string
  updatedAt: string
}

/**
 * A member's hardship case of a year (困难帮扶档案), `_id` `${year}-${memberId}`: at most one a year, so two admins
 * reporting the same member at once make one case. Reported by a unit admin, confirmed into the file (or returned) by
 * the union office, closed when the hardship is over. Its aid is in the ledger (payouts with its `caseId`).
 */
export interface HardshipCaseDoc {
  _id: string
  year: number
  memberId: string
  memberName: string
  staffNo: string
  /** The member's unit as reported: whose admins see the case. */
  unitId: string
  cause: HardshipCause
  level: HardshipLevel
  situation: string
  proofFileIds: string[]
  state: HardshipState
  reportedAt: string
  reportedById: string
  reportedByName: string
  filedAt?: string
  filedById?: string
  filedByName?: string
  returns: { byId: string; byName: string; at: string; reason: string }[]
  closedAt?: string
  closedById?: string
  closedByName?: string
  closeReason?: string
  visits: { kind: VisitKind; day: string; visitors: string; note: string; byId: string; byName: string; at: string }[]
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
  events: EventDoc
  eventQuotas: EventQuotaDoc
  eventSignups: EventSignupDoc
  calendarEntries: CalendarEntryDoc
  benefitPolicies: BenefitPolicyDoc
  benefitPayouts: BenefitPayoutDoc
  benefitTallies: BenefitTallyDoc
  benefitBudgets: BenefitBudgetDoc
  benefitRounds: BenefitRoundDoc
  benefitApplications: BenefitApplicationDoc
  hardshipCases: HardshipCaseDoc
  proposals: ProposalDoc
  proposalSeconds: ProposalSecondDoc
  congressDelegates: CongressDelegateDoc
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
  events: {
    indexes: [['status', 'startAt'], ['status', 'signupClosesAt'], ['unitId', 'startAt'], ['seatChangedAt'], ['coverFileId']],
    unique: [['checkInCode']],
    arrays: ['eligibility.unitIds'],
  },
  eventQuotas: { indexes: [['eventId']], unique: [], arrays: [] },
  eventSignups: {
    indexes: [['eventId', 'state', 'waitingSince'], ['memberId', 'signedUpAt'], ['state', 'offerExpiresAt'], ['state', 'toldAt']],
    unique: [['eventId', 'memberId']],
    arrays: [],
  },
  calendarEntries: { indexes: [['date']], unique: [], arrays: [] },
  benefitPolicies: { indexes: [], unique: [], arrays: [] },
  // A member's year; reminders of gifts not yet collected.
  benefitPayouts: { indexes: [['memberId', 'year'], ['deadline'], ['year', 'issuedAt'], ['unitId', 'year', 'issuedAt'], ['roundId', 'unitId'], ['caseId', 'issuedAt']], unique: [], arrays: [] },
  benefitTallies: { indexes: [['memberId', 'year']], unique: [], arrays: [] },
  benefitBudgets: { indexes: [], unique: [], arrays: [] },
  benefitRounds: { indexes: [['year'], ['state']], unique: [], arrays: [] },
  // A member's own; a unit's or the whole union's queue by state.
  benefitApplications: { indexes: [['memberId', 'appliedAt'], ['unitId', 'state', 'appliedAt'], ['state', 'appliedAt']], unique: [], arrays: [] },
  // A year's file, a unit's or the whole union's, by state.
  hardshipCases: { indexes: [['year', 'state', 'reportedAt'], ['year', 'unitId', 'state', 'reportedAt']], unique: [], arrays: [] },
  // An author's own; a session's by state (the committee's queue, the public record); a department's to handle.
  proposals: { indexes: [['authorId', 'updatedAt'], ['sessionId', 'state', 'submittedAt'], ['leadDeptId', 'state']], unique: [], arrays: ['assistDeptIds'] },
  // A proposal's seconders; a delegate's invitations.
  proposalSeconds: { indexes: [['proposalId', 'round', 'state'], ['memberId', 'invitedAt']], unique: [], arrays: [] },
  // A session's delegates by 代表团.
  congressDelegates: { indexes: [['sessionId', 'delegation']], unique: [], arrays: [] },
}
