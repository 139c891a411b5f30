/**
 * Which actions write. Every action of every contract is listed here (the type makes a new action a compile error
 * until it is), so no write can go out without an idempotency key: `call` takes reads only, `write` writes only.
 */
import type { ActionName, FunctionName } from '../../types/contracts'

type Kind = 'read' | 'write'

/** Accepts a table only if it names every action of every contract. */
type EveryAction<K extends { [F in FunctionName]: Record<ActionName<F>, Kind> }> = K

type Kinds = EveryAction<{
  audit: { list: 'read', jobRuns: 'read' },
  benefits: { policies: 'read', festivals: 'read', updatePolicy: 'write', mine: 'read', ledger: 'read', ledgerSummary: 'read', home: 'read', confirmReceipt: 'write',
    previewRound: 'read', applyRound: 'write', resumeRound: 'write', rounds: 'read', round: 'read', roundHandout: 'read', markReceived: 'write',
    apply: 'write', applyFor: 'write', myApplications: 'read', applicationQueue: 'read', application: 'read', checkApplication: 'write', decideApplication: 'write',
    reportHardship: 'write', hardshipCases: 'read', hardshipCase: 'read', fileHardship: 'write', recordHardshipAid: 'write', recordHardshipVisit: 'write', closeHardship: 'write',
    retirements: 'read', giveKeepsakes: 'write', budgets: 'read', setBudgets: 'write',
  },
  events: {
    list: 'read',
    detail: 'read',
    home: 'read',
    signUp: 'write',
    mySignups: 'read',
    cancelSignup: 'write',
    acceptOffer: 'write',
    // Checking in twice is the same as once.
    checkIn: 'read',
    calendar: 'read',
    adminList: 'read',
    adminGet: 'read',
    create: 'write',
    update: 'write',
    copy: 'write',
    publish: 'write',
    closeSignup: 'write',
    cancel: 'write',
    deleteDraft: 'write',
    participants: 'read',
    decide: 'write',
    decideCancel: 'write',
    remove: 'write',
    markAttendance: 'write',
    // Makes the code once and keeps it.
    venueCode: 'read',
    addCalendarEntry: 'write',
    removeCalendarEntry: 'write',
  },
  exports: {
    // An export makes a file and an audit entry: a retried export answers the first file.
    eventParticipants: 'write',
    ledger: 'write',
    proposalBook: 'write',
    proposalHandling: 'write',
    roster: 'write',
    rosterTemplate: 'read',
    rosterPreview: 'read',
    rosterApply: 'write',
    delegatesFile: 'read',
    delegatesPreview: 'read',
    delegatesApply: 'write',
  },
  members: {
    me: 'read',
    units: 'read',
    bind: 'write',
    unbind: 'write',
    reopenBinding: 'write',
    roleHolders: 'read',
    scopeOptions: 'read',
    grantRole: 'write',
    revokeRole: 'write',
    roster: 'read',
    memberRecord: 'read',
    updateMember: 'write',
    settings: 'read',
    updateSettings: 'write',
  },
  messages: {
    inbox: 'read',
    unreadCount: 'read',
    // Marking read is the same however often it is done.
    read: 'read',
    readAll: 'read',
    subscriptions: 'read',
    // Each 允许 adds one send: a retried request must not add two.
    recordConsent: 'write',
    sends: 'read',
  },
  notices: {
    home: 'read',
    list: 'read',
    // Marks the notice read, which is the same whichever time it is done.
    detail: 'read',
    adminList: 'read',
    adminGet: 'read',
    publish: 'write',
    update: 'write',
    withdraw: 'write',
  },
  proposals: {
    session: 'read', delegates: 'read', saveDraft: 'write', invite: 'write', answerInvitation: 'write', recall: 'write', submit: 'write',
    mine: 'read', invitations: 'read', detail: 'read', similar: 'read', reviewQueue: 'read', decide: 'write',
    assign: 'write', assistInput: 'write', reply: 'write', answer: 'write', rate: 'write', close: 'write', handlingQueue: 'read', sessions: 'read', saveSession: 'write', departments: 'read', saveDepartment: 'write', record: 'read', withhold: 'write', statistics: 'read',
  },
}>

export type WriteAction<F extends FunctionName> = { [A in keyof Kinds[F]]: Kinds[F][A] extends 'write' ? A : never }[keyof Kinds[F]] &
  ActionName<F>
export type ReadAction<F extends FunctionName> = Exclude<ActionName<F>, WriteAction<F>>
