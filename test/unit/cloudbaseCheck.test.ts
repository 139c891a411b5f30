/**
 * What `npm run cloudbase:check` reports missing from an environment's description (scripts/cloudbase), and that it
 * says what to set when it has no credentials. The README's collection table matches collections.ts: see
 * readmeCollections.test.ts.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describeIndex, missingFrom, type DescribedIndex } from '../../scripts/cloudbase/requiredIndexes'

const index = (unique: boolean, ...fields: string[]): DescribedIndex => ({
  Name: fields.join('_'),
  Keys: fields.map((Name) => ({ Name, Direction: '1' })),
  Unique: unique,
})
const ID = index(true, '_id')

/** An environment holding exactly what collections.ts declares, written out by hand. */
const complete = (): Record<string, DescribedIndex[] | null> => ({
  units: [ID, index(false, 'order'), index(true, 'name')],
  clubs: [ID, index(false, 'order'), index(true, 'name')],
  departments: [ID, index(false, 'order'), index(true, 'name')],
  congressSessions: [ID, index(false, 'order'), index(true, 'name')],
  members: [ID, index(false, 'unitId'), index(false, 'name'), index(true, 'staffNo')],
  bindings: [ID, index(true, 'memberId')],
  bindAttempts: [ID, index(false, 'windowStart')],
  staffBindFailures: [ID, index(false, 'day')],
  auditLog: [ID, index(false, 'at'), index(false, 'action', 'at'), index(false, 'targetType', 'targetId', 'at')],
  notices: [ID, index(false, 'withdrawn', 'publishAt'), index(false, 'pinned', 'publishAt')],
  noticeReads: [ID, index(false, 'memberId'), index(true, 'noticeId', 'memberId')],
  settings: [ID],
  files: [ID, index(false, 'removeAfter')],
  jobRuns: [ID],
  requestKeys: [ID, index(false, 'at')],
  locks: [ID],
  rosterImports: [ID, index(false, 'removeAfter')],
  rosterImportChunks: [ID, index(false, 'removeAfter')],
  messages: [
    ID,
    index(false, 'recipientId', 'sendAt'),
    index(false, 'recipientId', 'read'),
    index(false, 'pushState', 'pushNextAt'),
    index(false, 'subject'),
    index(false, 'createdAt'),
  ],
  messageBatches: [ID, index(false, 'state', 'sendAt')],
  consents: [ID, index(false, 'memberId')],
  events: [
    ID,
    index(false, 'status', 'startAt'),
    index(false, 'status', 'signupClosesAt'),
    index(false, 'unitId', 'startAt'),
    index(false, 'seatChangedAt'),
    index(false, 'coverFileId'),
    index(true, 'checkInCode'),
  ],
  eventQuotas: [ID, index(false, 'eventId')],
  eventSignups: [
    ID,
    index(false, 'eventId', 'state', 'waitingSince'),
    index(false, 'memberId', 'signedUpAt'),
    index(false, 'state', 'offerExpiresAt'),
    index(false, 'state', 'toldAt'),
    index(true, 'eventId', 'memberId'),
  ],
  calendarEntries: [ID, index(false, 'date')],
  benefitPolicies: [ID],
  benefitPayouts: [ID, index(false, 'memberId', 'year'), index(false, 'deadline'), index(false, 'year', 'issuedAt'), index(false, 'unitId', 'year', 'issuedAt'), index(false, 'roundId', 'unitId'), index(false, 'caseId', 'issuedAt')],
  benefitTallies: [ID, index(false, 'memberId', 'year')],
  benefitBudgets: [ID],
  benefitRounds: [ID, index(false, 'year'), index(false, 'state')],
  benefitApplications: [ID, index(false, 'memberId', 'appliedAt'), index(false, 'unitId', 'state', 'appliedAt'), index(false, 'state', 'appliedAt')],
  hardshipCases: [ID, index(false, 'year', 'state', 'reportedAt'), index(false, 'year', 'unitId', 'state', 'reportedAt')],
  proposals: [ID, index(false, 'authorId', 'updatedAt'), index(false, 'sessionId', 'state', 'submittedAt'), index(false, 'leadDeptId', 'state')],
  proposalSeconds: [ID, index(false, 'proposalId', 'round', 'state'), index(false, 'memberId', 'invitedAt')],
  congressDelegates: [ID, index(false, 'sessionId', 'delegation')],
})

describe('cloudbase:check', () => {
  it('finds nothing missing from an environment with every collection and index', () => {
    expect(missingFrom(complete())).toEqual([])
  })

  it('reports a missing collection with every index it needs', () => {
    expect(missingFrom({ ...complete(), noticeReads: null })).toEqual([
      {
        collection: 'noticeReads',
        collectionMissing: true,
        indexes: [
          { fields: ['memberId'], unique: false },
          { fields: ['noticeId', 'memberId'], unique: true },
        ],
      },
    ])
  })

  it('reports an index that is missing, not unique where it must be, or has its fields in another order', () => {
    const described = complete()
    described.units = [ID, index(false, 'order'), index(false, 'name')]
    described.auditLog = [ID, index(false, 'at'), index(false, 'at', 'action'), index(false, 'targetType', 'targetId', 'at')]
    described.files = [ID]
    expect(missingFrom(described).map(({ collection, indexes }) => [collection, indexes.map(describeIndex)])).toEqual([
      ['units', ['name (unique)']],
      ['auditLog', ['action+at']],
      ['files', ['removeAfter']],
    ])
  })

  it('without credentials says what to set and exits non-zero', () => {
    const root = join(__dirname, '..', '..')
    const env = { ...process.env, CLOUDBASE_ENV: '', TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' }
    const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/cloudbase-check.ts'], { cwd: root, env, encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('set CLOUDBASE_ENV (the environment id), TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY')
  })
})
