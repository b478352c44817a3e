/**
 * The evaluations UI's pure helpers: which forms apply to a call, editing the answers (the
 * script's answers never over the evaluator's), what each role may do, the team's calls a lead
 * may score, and the options and keys of a question.
 */
import { describe, expect, it } from 'vitest'

import type { LocalInteraction } from '@shared/contract/worker'
import type { DirectoryUser } from '@shared/domain/configuration'
import { abandonReasonText } from '@renderer/features/evaluations/abandon-reason'
import { answersReducer, answersToSave } from '@renderer/features/evaluations/answer-editing'
import {
  applicableForms,
  formApplies,
  preferredForm
} from '@renderer/features/evaluations/form-applicability'
import {
  mayEdit,
  mayEvaluate,
  mayResolve,
  mayRespond
} from '@renderer/features/evaluations/evaluation-permissions'
import {
  NA_OPTION,
  optionForKey,
  questionOptions
} from '@renderer/features/evaluations/question-options'
import {
  agentOfCall,
  sortForAgent,
  sortForLead,
  teamCalls
} from '@renderer/features/evaluations/team-calls'

import { translator } from '../../support/render'
import { AGENT_ID, answer, evaluation, ME, published, SEEDED, SMALL, TEAM } from './fixtures'

const OTHER_TEAM = '00000000-0000-4000-8000-0000000000f2'

describe('the forms that apply to a call', () => {
  const quality = published(SEEDED)
  const training = published({ ...SMALL, id: 'practice', kind: 'training' }, { kind: 'training' })
  const call = { practice: false, teamId: TEAM, scriptId: 'retention' }

  it('are quality forms for production calls and training forms for practice ones, never mixed', () => {
    expect(formApplies(quality, call)).toBe(true)
    expect(formApplies(training, call)).toBe(false)
    expect(formApplies(training, { ...call, practice: true })).toBe(true)
    expect(formApplies(quality, { ...call, practice: true })).toBe(false)
  })

  it('leave out retired forms and those scoped to other teams or scripts', () => {
    const scoped = (teams: string[], scripts: string[]) =>
      published({ ...SMALL, scope: { teams, scripts } })
    expect(formApplies(published(SEEDED, { retired: true }), call)).toBe(false)
    expect(formApplies(scoped([OTHER_TEAM], []), call)).toBe(false)
    expect(formApplies(scoped([TEAM], ['retention']), call)).toBe(true)
    expect(formApplies(scoped([], ['welcome']), call)).toBe(false)
    // Not known yet (offline, no run): the scope does not narrow; the server decides.
    expect(
      formApplies(scoped([OTHER_TEAM], ['welcome']), { ...call, teamId: null, scriptId: null })
    ).toBe(true)
  })

  it('offer the latest version of each form, by title, the most specific one first to start with', () => {
    const old = published(SMALL, { version: 1 })
    const latest = published(SMALL, { version: 3 })
    const forScript = published({
      ...SMALL,
      id: 'for-script',
      scope: { teams: [], scripts: ['retention'] }
    })
    const forms = applicableForms([old, quality, latest, forScript], call, 'es')
    expect(forms.map((f) => `${f.formId}@${String(f.version)}`)).toEqual([
      'service-quality@1',
      'small@3',
      'for-script@1'
    ])
    expect(preferredForm(forms)?.formId).toBe('for-script')
    expect(preferredForm([])).toBeNull()
  })
})

describe('editing the answers', () => {
  const filled = { ...answer('mandatory-lines', 'no', { comment: 'greeting' }), autofilled: true }

  it('a value replaces "not applicable", and "not applicable" the value', () => {
    let answers = answersReducer([], { type: 'na', questionId: 'hold' })
    expect(answers).toEqual([{ questionId: 'hold', value: null, na: true, comment: '' }])
    answers = answersReducer(answers, { type: 'value', questionId: 'hold', value: 'yes' })
    expect(answers).toEqual([{ questionId: 'hold', value: 'yes', na: false, comment: '' }])
  })

  it('any change of the evaluator takes the "from the script" mark away', () => {
    for (const action of [
      { type: 'value', questionId: 'mandatory-lines', value: 'yes' },
      { type: 'comment', questionId: 'mandatory-lines', comment: 'read it' },
      { type: 'na', questionId: 'mandatory-lines' }
    ] as const) {
      const [edited] = answersReducer([filled], action)
      expect(edited?.autofilled).toBeUndefined()
    }
  })

  it('an empty text answer is no answer', () => {
    const [written] = answersReducer([], { type: 'value', questionId: 'notes', value: '  ' })
    expect(written?.value).toBeNull()
  })

  it('fills from the run only what is unanswered or still filled from it, keeping own comments', () => {
    const own = answer('script-completed', 'no', { comment: 'hung up on the customer' })
    const openWithComment = answer('offers-made', null, { comment: 'check the offer' })
    const run = [
      { ...answer('mandatory-lines', 'yes'), autofilled: true },
      { ...answer('script-completed', 'yes', { comment: 'sale' }), autofilled: true },
      { ...answer('offers-made', 'no', { comment: 'FIBRA' }), autofilled: true }
    ]
    const after = answersReducer([filled, own, openWithComment], { type: 'prefill', answers: run })
    expect(after).toEqual([
      { ...answer('mandatory-lines', 'yes'), autofilled: true },
      own,
      { ...answer('offers-made', 'no', { comment: 'check the offer' }), autofilled: true }
    ])
  })

  it('saves trimmed comments and no empty entries', () => {
    const answers = [
      answer('greeting', 'yes', { comment: '  bien  ' }),
      answer('hold', null),
      answer('tone', null, { comment: 'pendiente' })
    ]
    expect(answersToSave(answers)).toEqual([
      answer('greeting', 'yes', { comment: 'bien' }),
      answer('tone', null, { comment: 'pendiente' })
    ])
  })
})

describe('what each role may do', () => {
  const lead = ME
  const admin = { ...ME, role: 'admin' as const, teamId: null }
  const trainer = { ...ME, role: 'trainer' as const, teamId: null }
  const agent = { id: AGENT_ID, role: 'agent' as const, teamId: TEAM }
  const production = { agentId: AGENT_ID, teamId: TEAM, practice: false }

  it('leads score production calls of their own team; trainers practice calls; admins any; nobody their own', () => {
    expect(mayEvaluate(lead, production)).toBe(true)
    expect(mayEvaluate(lead, { ...production, teamId: OTHER_TEAM })).toBe(false)
    expect(mayEvaluate(lead, { ...production, practice: true })).toBe(false)
    expect(mayEvaluate(trainer, production)).toBe(false)
    expect(mayEvaluate(trainer, { ...production, practice: true })).toBe(true)
    expect(mayEvaluate(admin, { ...production, teamId: OTHER_TEAM })).toBe(true)
    expect(mayEvaluate(agent, production)).toBe(false)
    expect(mayEvaluate(lead, { ...production, agentId: lead.id })).toBe(false)
    expect(mayEvaluate(null, production)).toBe(false)
  })

  it('only the agent answers a released evaluation; only the evaluator edits a draft', () => {
    expect(mayRespond(agent, evaluation())).toBe(true)
    expect(mayRespond(lead, evaluation())).toBe(false)
    expect(mayRespond(agent, evaluation({ state: 'acknowledged' }))).toBe(false)
    expect(mayEdit(lead, evaluation({ state: 'draft' }))).toBe(true)
    expect(mayEdit(lead, evaluation())).toBe(false)
    expect(mayEdit(admin, evaluation({ state: 'draft', evaluatorId: AGENT_ID }))).toBe(false)
  })

  it('a dispute is resolved by its evaluator, the team’s lead, an admin, a trainer for training', () => {
    const disputed = evaluation({ state: 'disputed', evaluatorId: admin.id.replace('a', 'b') })
    expect(mayResolve(lead, disputed)).toBe(true)
    expect(mayResolve({ ...lead, teamId: OTHER_TEAM }, disputed)).toBe(false)
    expect(mayResolve({ ...lead, teamId: OTHER_TEAM }, { ...disputed, evaluatorId: lead.id })).toBe(
      true
    )
    expect(mayResolve(admin, disputed)).toBe(true)
    expect(mayResolve(agent, disputed)).toBe(false)
    expect(mayResolve(trainer, disputed)).toBe(false)
    expect(mayResolve(trainer, { ...disputed, kind: 'training' })).toBe(true)
    expect(mayResolve(lead, evaluation())).toBe(false)
  })
})

describe('the team’s calls and the lists', () => {
  const call = (id: string, over: Partial<LocalInteraction> & { agentId?: string } = {}) => ({
    id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
    callId: `call-${id}`,
    direction: 'inbound' as const,
    remoteNumber: '600000000',
    remoteE164: null,
    customerId: null,
    ringAt: `2026-12-05T10:0${id}:00Z`,
    answeredAt: `2026-12-05T10:0${id}:05Z`,
    endedAt: `2026-12-05T10:0${id}:50Z`,
    holdSeconds: 0,
    result: 'answered' as const,
    endedBy: 'remote' as const,
    syncState: 'synced' as const,
    agentId: AGENT_ID,
    ...over
  })
  const users: DirectoryUser[] = [
    {
      id: AGENT_ID,
      username: 'ana',
      displayName: 'Ana Ortiz',
      role: 'agent',
      teamId: TEAM,
      sipExtension: null
    }
  ]

  it('are answered customer calls of someone else, newest first, with their evaluation', () => {
    const ownPending: LocalInteraction = { ...call('5'), syncState: 'pending', agentId: null }
    const calls = [
      call('1'),
      call('2', { result: 'missed', answeredAt: null }),
      call('3', { party: 'colleague' }),
      call('4', { agentId: ME.id }),
      ownPending,
      call('6')
    ]
    const done = evaluation({ callId: 'call-1', evaluatorId: AGENT_ID.replace('1', '9') })
    const draft = evaluation({ id: done.id.replace('1', '3'), callId: 'call-6', state: 'draft' })
    const listed = teamCalls(calls, [done, draft], users, ME, null)
    expect(listed.map((c) => c.interaction.callId)).toEqual(['call-6', 'call-1'])
    expect(listed[0]?.myDraft?.id).toBe(draft.id)
    expect(listed[1]?.evaluation?.id).toBe(done.id)
    expect(listed[1]?.agentName).toBe('Ana Ortiz')
    expect(agentOfCall(ownPending)).toBeNull()
    expect(teamCalls(calls, [], users, ME, OTHER_TEAM)).toEqual([])
  })

  it('put disputed evaluations first for the lead, and the newest release first for the agent', () => {
    const a = evaluation({
      id: '00000000-0000-4000-8000-00000000000a',
      updatedAt: '2026-12-05T12:00:00Z'
    })
    const b = evaluation({
      id: '00000000-0000-4000-8000-00000000000b',
      state: 'disputed',
      updatedAt: '2026-12-01T12:00:00Z'
    })
    const c = evaluation({
      id: '00000000-0000-4000-8000-00000000000c',
      releasedAt: '2026-12-06T08:00:00Z'
    })
    expect(sortForLead([a, b, c]).map((e) => e.id.slice(-1))).toEqual(['b', 'a', 'c'])
    expect(sortForAgent([a, b, c]).map((e) => e.id.slice(-1))).toEqual(['c', 'a', 'b'])
  })
})

describe('a question’s options and keys', () => {
  const question = (id: string) => {
    const found = SMALL.sections.flatMap((s) => s.questions).find((q) => q.id === id)
    if (!found) throw new Error(id)
    return found
  }

  it('lists yes/no, "not applicable" only where allowed, the scale’s numbers and the choices', async () => {
    const t = await translator('es')
    const labels = (id: string) => questionOptions(question(id), t, 'es').map((o) => o.label)
    expect(labels('greeting')).toEqual(['Sí', 'No'])
    expect(labels('hold')).toEqual(['Sí', 'No', 'No aplica'])
    expect(labels('tone')).toEqual(['1', '2', '3', '4', '5'])
    expect(labels('recovery')).toEqual(['Lo resolvió', 'Lo ignoró'])
    const en = await translator('en')
    expect(questionOptions(question('hold'), en, 'en').map((o) => o.label)).toEqual([
      'Yes',
      'No',
      'Not applicable'
    ])
  })

  it('picks by digit: the scale’s own number, else the option’s place', async () => {
    const t = await translator('es')
    const hold = question('hold')
    const tone = question('tone')
    expect(optionForKey(hold, questionOptions(hold, t, 'es'), '3')?.key).toBe(NA_OPTION)
    expect(optionForKey(hold, questionOptions(hold, t, 'es'), '1')?.value).toBe('yes')
    expect(optionForKey(tone, questionOptions(tone, t, 'es'), '4')?.value).toBe(4)
    expect(optionForKey(tone, questionOptions(tone, t, 'es'), '0')).toBeNull()
    expect(optionForKey(hold, questionOptions(hold, t, 'es'), 'x')).toBeNull()
  })
})

describe('why a script run was abandoned, in words', () => {
  it("words the runner's codes in both languages and keeps any other text", async () => {
    const es = await translator('es')
    const en = await translator('en')
    expect(abandonReasonText('agent', es)).toBe('El agente lo abandonó.')
    expect(abandonReasonText('call_ended', en)).toBe('The call ended before the end.')
    expect(abandonReasonText('switched to complaint-intake', es)).toBe(
      'Se cambió al guion complaint-intake.'
    )
    expect(abandonReasonText('Colgó el cliente', en)).toBe('Colgó el cliente')
  })
})
