/**
 * The proposal workflow (cloudfunctions/proposals/workflow.ts), walked exhaustively: every kind × state × step × who,
 * against a table of the allowed moves written out here by hand; then each step's requirements and messages.
 */
import { checkStep, stepsFor, type StepFacts } from '../../cloudfunctions/proposals/workflow'
import { PROPOSAL_ACTORS, PROPOSAL_KINDS, PROPOSAL_STATES, PROPOSAL_STEPS } from '../../types/proposals'

/** Every allowed move: kind, from, step, who, to. Nothing else may move. */
const ALLOWED = `
proposal   draft       invite   author      seconding
proposal   seconding   recall   author      draft
proposal   seconding   submit   author      submitted
proposal   submitted   accept   committee   accepted
proposal   submitted   accept   unionOffice accepted
proposal   submitted   merge    committee   merged
proposal   submitted   merge    unionOffice merged
proposal   submitted   convert  committee   converted
proposal   submitted   convert  unionOffice converted
proposal   submitted   reject   committee   rejected
proposal   submitted   reject   unionOffice rejected
proposal   accepted    assign   committee   assigned
proposal   accepted    assign   unionOffice assigned
proposal   assigned    reply    leadDept    replied
proposal   rehandling  reply    leadDept    replied
proposal   replied     rate     author      rated
proposal   replied     close    committee   closed
proposal   replied     close    unionOffice closed
proposal   rated       close    committee   closed
proposal   rated       close    unionOffice closed
suggestion draft       submit   author      submitted
suggestion submitted   forward  unionOffice assigned
suggestion converted   forward  unionOffice assigned
suggestion submitted   answer   unionOffice replied
suggestion converted   answer   unionOffice replied
suggestion rehandling  answer   unionOffice replied
suggestion assigned    reply    leadDept    replied
suggestion rehandling  reply    leadDept    replied
suggestion replied     rate     author      rated
suggestion replied     close    unionOffice closed
suggestion rated       close    unionOffice closed
`
  .trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/))

/** Facts under which every requirement holds. */
const MET: StepFacts = { complete: true, seconders: 2, secondersNeeded: 2, windowOpen: true, authorIsDelegate: true, mainState: 'accepted', assistPending: 0, rating: 'satisfied' }

describe('every kind × state × step × who', () => {
  const combos = PROPOSAL_KINDS.flatMap((kind) => PROPOSAL_STATES.flatMap((state) => PROPOSAL_STEPS.flatMap((step) => PROPOSAL_ACTORS.map((actor) => [kind, state, step, actor] as const))))

  it('walks all 2,184 of them', () => {
    expect(combos).toHaveLength(2 * 12 * 13 * 7)
  })

  it.each(combos)('%s %s %s by %s', (kind, state, step, actor) => {
    const allowed = ALLOWED.find(([k, from, s, who]) => k === kind && from === state && s === step && who === actor)
    const result = checkStep(kind, state, step, [actor], MET)
    if (allowed) {
      expect(result).toEqual({ ok: true, to: allowed[4], kind: step === 'convert' ? 'suggestion' : kind })
      return
    }
    // Someone who may take the step in some state is refused for the state (CONFLICT); anyone else FORBIDDEN; a
    // step the kind never takes, CONFLICT for all.
    const kindTakes = ALLOWED.some(([k, , s]) => k === kind && s === step)
    const mayTake = ALLOWED.some(([k, , s, who]) => k === kind && s === step && who === actor)
    expect(result).toMatchObject({ ok: false, code: kindTakes && !mayTake ? 'FORBIDDEN' : 'CONFLICT' })
  })
})

describe('what a step requires, in words', () => {
  const submit = (facts: StepFacts) => checkStep('proposal', 'seconding', 'submit', ['author'], { ...MET, ...facts })

  it('submits a proposal only by a delegate, in the window, with enough seconders', () => {
    expect(submit({ authorIsDelegate: false })).toEqual({ ok: false, code: 'CONFLICT', message: '您不是本届次的教代会代表，不能提交提案：可以作为意见建议提交' })
    expect(submit({ windowOpen: false })).toEqual({ ok: false, code: 'CONFLICT', message: '本届提案征集已截止，不能再提交提案：可以作为意见建议提交' })
    expect(submit({ seconders: 1, secondersNeeded: 3 })).toEqual({ ok: false, code: 'CONFLICT', message: '还需 2 位代表确认附议才能提交（至少 3 位）' })
    expect(submit({ seconders: 3, secondersNeeded: 3 })).toEqual({ ok: true, to: 'submitted', kind: 'proposal' })
  })

  it('invites seconders and submits only once title, reasons and measures are written', () => {
    expect(checkStep('proposal', 'draft', 'invite', ['author'], { complete: false })).toEqual({ ok: false, code: 'CONFLICT', message: '请先写好标题、案由和建议，再邀请代表附议' })
    expect(submit({ complete: false })).toEqual({ ok: false, code: 'CONFLICT', message: '请先写好标题、案由和建议，再提交' })
    expect(checkStep('suggestion', 'draft', 'submit', ['author'], { complete: false })).toEqual({ ok: false, code: 'CONFLICT', message: '请先写好标题、案由和建议，再提交' })
  })

  it('merges only into an accepted proposal not yet replied to', () => {
    const merge = (mainState: StepFacts['mainState']) => checkStep('proposal', 'submitted', 'merge', ['committee'], { mainState })
    expect(merge('accepted')).toMatchObject({ ok: true, to: 'merged' })
    expect(merge('assigned')).toMatchObject({ ok: true, to: 'merged' })
    for (const state of ['submitted', 'replied', 'merged', 'rejected', undefined] as const) {
      expect(merge(state)).toEqual({ ok: false, code: 'CONFLICT', message: '只能并入本届已立案、尚未答复的提案' })
    }
  })

  it('lets the lead department reply once every assisting department has given its input', () => {
    expect(checkStep('proposal', 'assigned', 'reply', ['leadDept'], { assistPending: 2 })).toEqual({ ok: false, code: 'CONFLICT', message: '还有 2 个协办部门未提交办理意见，请待其提交后再答复' })
    expect(checkStep('proposal', 'assigned', 'reply', ['leadDept'], { assistPending: 0 })).toEqual({ ok: true, to: 'replied', kind: 'proposal' })
  })

  it('sends an unsatisfied rating back to be handled again, any other to rated', () => {
    expect(checkStep('proposal', 'replied', 'rate', ['author'], { rating: 'unsatisfied' })).toEqual({ ok: true, to: 'rehandling', kind: 'proposal' })
    expect(checkStep('proposal', 'replied', 'rate', ['author'], { rating: 'basicallySatisfied' })).toEqual({ ok: true, to: 'rated', kind: 'proposal' })
    expect(checkStep('suggestion', 'replied', 'rate', ['author'], { rating: 'unsatisfied' })).toEqual({ ok: true, to: 'rehandling', kind: 'suggestion' })
  })

  it('says who may take a step, what the state is, and what a suggestion never does', () => {
    expect(checkStep('proposal', 'submitted', 'accept', ['author', 'seconder'])).toEqual({ ok: false, code: 'FORBIDDEN', message: '只有提案工作委员会或校工会可以立案' })
    expect(checkStep('proposal', 'closed', 'reply', ['leadDept'])).toEqual({ ok: false, code: 'CONFLICT', message: '这份提案已办结，不能答复' })
    expect(checkStep('suggestion', 'draft', 'invite', ['author'])).toEqual({ ok: false, code: 'CONFLICT', message: '意见建议不能邀请附议' })
    // One of several roles suffices: a committee member who is also the author.
    expect(checkStep('proposal', 'submitted', 'accept', ['author', 'committee'])).toMatchObject({ ok: true })
  })
})

describe('the steps a page offers', () => {
  it('lists what the caller may do in the state, nothing more', () => {
    expect(stepsFor('proposal', 'submitted', ['committee'])).toEqual(['accept', 'merge', 'convert', 'reject'])
    expect(stepsFor('proposal', 'submitted', ['author'])).toEqual([])
    expect(stepsFor('proposal', 'replied', ['author', 'seconder'])).toEqual(['rate'])
    expect(stepsFor('suggestion', 'converted', ['unionOffice'])).toEqual(['forward', 'answer'])
    expect(stepsFor('proposal', 'draft', ['author'])).toEqual(['invite'])
  })
})
