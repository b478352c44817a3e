/**
 * The lists and the controls under an evaluation, in Spanish and English: the team's calls with
 * "Evaluar llamada" or "Ver evaluación", the evaluations with disputed ones standing out, the
 * agent's answer (accept, or disagree with a reason) and the lead's resolution (keep or
 * re-score, with a reason), and which of them each role gets in each state.
 */
import { describe, expect, it } from 'vitest'

import type { LocalEvaluation } from '@shared/contract/worker'
import { evaluationStates } from '@shared/evaluations/evaluation'
import { EvaluationList } from '@renderer/features/evaluations/components/EvaluationList'
import {
  ResolveControlsView,
  RespondControlsView
} from '@renderer/features/evaluations/components/ResponseControls'
import { TeamCallsList } from '@renderer/features/evaluations/components/TeamCallsList'
import { controlsFor } from '@renderer/features/evaluations/evaluation-permissions'
import type { TeamCall } from '@renderer/features/evaluations/team-calls'

import { buttons, render } from '../../support/render'
import { AGENT_ID, evaluation, HOSTILE, ME, TEAM } from './fixtures'
import { buttonTag } from './render-helpers'

const noop = () => undefined

const call = (over: Partial<TeamCall> = {}): TeamCall => ({
  interaction: {
    id: '22222222-2222-4222-8222-222222222222',
    callId: 'call-1',
    direction: 'inbound',
    remoteNumber: '600000000',
    remoteE164: null,
    customerId: null,
    ringAt: '2026-12-05T10:00:00Z',
    answeredAt: '2026-12-05T10:00:05Z',
    endedAt: '2026-12-05T10:02:05Z',
    holdSeconds: 0,
    result: 'answered',
    endedBy: 'remote',
    syncState: 'synced',
    agentId: AGENT_ID
  },
  agentId: AGENT_ID,
  agentName: 'Ana Ortiz',
  teamId: TEAM,
  evaluation: null,
  myDraft: null,
  ...over
})

describe('the team’s recent calls', () => {
  it('offer "Evaluar llamada", or "Ver evaluación" once the call has one, names as text', async () => {
    const { html, text } = await render(
      <TeamCallsList
        calls={[
          call({ agentName: HOSTILE }),
          call({ evaluation: evaluation() }),
          call({ myDraft: evaluation({ state: 'draft' }) })
        ]}
        onEvaluate={noop}
        onView={noop}
      />
    )
    expect(buttons(html).map((b) => b.text)).toEqual([
      'Evaluar llamada',
      'Ver evaluación',
      'Evaluar llamada'
    ])
    expect(text).toContain('2:00 · Entrante')
    expect(text).toContain('Borrador')
    expect(html).not.toContain('<img')
    const en = await render(
      <TeamCallsList calls={[call()]} onEvaluate={noop} onView={noop} />,
      'en'
    )
    expect(buttons(en.html).map((b) => b.text)).toEqual(['Evaluate call'])
    expect(en.html).toContain('aria-label="Evaluate call: Ana Ortiz"')
  })
})

describe('the list of evaluations', () => {
  const list = (
    evaluations: LocalEvaluation[],
    audience: 'lead' | 'agent',
    language: 'es' | 'en' = 'es'
  ) =>
    render(
      <EvaluationList
        evaluations={evaluations}
        selectedId={null}
        audience={audience}
        label="x"
        onOpen={noop}
      />,
      language
    )

  it('marks what waits: a dispute for the lead, a released one for the agent', async () => {
    const disputed = evaluation({ state: 'disputed', agentName: HOSTILE })
    const lead = await list([disputed, evaluation({ state: 'acknowledged' })], 'lead')
    expect(lead.html).toContain('<li class="waits">')
    expect(lead.text).toContain('En desacuerdo Espera tu resolución')
    expect(lead.text).toContain('Aceptada')
    expect(lead.html).not.toContain('<img')
    const agent = await list([evaluation(), evaluation({ state: 'resolved' })], 'agent', 'en')
    expect(agent.text).toContain('Released Waiting for your answer')
    expect(agent.text).not.toContain('Ana Ortiz')
  })

  it('says when there is nothing, and when a change is not synced yet', async () => {
    expect((await list([], 'agent')).text).toBe('Aún no tienes evaluaciones publicadas.')
    expect((await list([evaluation({ syncState: 'pending' })], 'lead')).text).toContain(
      'Sin sincronizar'
    )
  })
})

describe('the controls under an evaluation', () => {
  const agent = { id: AGENT_ID, role: 'agent' as const, teamId: TEAM }
  const admin = { ...ME, id: '00000000-0000-4000-8000-0000000000ad', role: 'admin' as const }

  it('are given per role and state', () => {
    const table = evaluationStates.map((state) => {
      const e = evaluation({ state })
      return [state, controlsFor(agent, e), controlsFor(ME, e), controlsFor(admin, e)]
    })
    expect(table).toEqual([
      ['draft', null, 'continue', null],
      ['submitted', null, null, null],
      ['released', 'respond', null, null],
      ['acknowledged', null, null, null],
      ['disputed', null, 'resolve', 'resolve'],
      ['resolved', null, null, null]
    ])
  })

  it('let the agent accept, or disagree and send a reason', async () => {
    const props = {
      reason: '',
      busy: false,
      error: null,
      onAccept: noop,
      onDispute: noop,
      onReason: noop,
      onSend: noop,
      onCancel: noop
    }
    const asked = await render(<RespondControlsView {...props} disputing={false} />)
    expect(buttons(asked.html).map((b) => b.text)).toEqual([
      'Acepto la evaluación',
      'No estoy de acuerdo'
    ])
    const open = await render(<RespondControlsView {...props} disputing />)
    expect(open.html).toMatch(/<label for="[^"]+">Motivo del desacuerdo<\/label><textarea/)
    expect(buttonTag(open.html, 'Enviar desacuerdo')).toContain('aria-disabled="true"')
    const written = await render(<RespondControlsView {...props} disputing reason="No fue así" />)
    expect(buttonTag(written.html, 'Enviar desacuerdo')).not.toContain('aria-disabled')
    const en = await render(<RespondControlsView {...props} disputing={false} />, 'en')
    expect(buttons(en.html).map((b) => b.text)).toEqual(['I accept the evaluation', 'I disagree'])
  })

  it('let the lead keep the score or score again, with a reason, and say what is missing', async () => {
    const props = {
      reason: '',
      answersIncomplete: false,
      busy: false,
      error: null,
      onDecision: noop,
      onReason: noop,
      onResolve: noop
    }
    const none = await render(<ResolveControlsView {...props} decision={null} />)
    expect(buttons(none.html).map((b) => b.text)).toEqual([
      'Mantener la puntuación',
      'Volver a puntuar',
      'Resolver'
    ])
    expect(buttonTag(none.html, 'Resolver')).toContain('aria-disabled="true"')
    expect(none.text).toContain('Elige mantener la puntuación o volver a puntuar.')
    const kept = await render(<ResolveControlsView {...props} decision="kept" />)
    expect(buttonTag(kept.html, 'Mantener la puntuación')).toContain('aria-pressed="true"')
    expect(kept.html).toMatch(/<label for="[^"]+">Motivo de la resolución<\/label><textarea/)
    expect(kept.text).toContain('Escribe el motivo de la resolución.')
    const ready = await render(<ResolveControlsView {...props} decision="kept" reason="Se oye" />)
    expect(buttonTag(ready.html, 'Resolver')).not.toContain('aria-disabled')
    const rescore = await render(
      <ResolveControlsView {...props} decision="rescored" reason="Revisado" answersIncomplete />
    )
    expect(buttonTag(rescore.html, 'Resolver')).toContain('aria-disabled="true"')
    expect(rescore.text).toContain('Completa las respuestas que faltan.')
    const en = await render(<ResolveControlsView {...props} decision={null} />, 'en')
    expect(buttons(en.html).map((b) => b.text)).toEqual([
      'Keep the score',
      'Score again',
      'Resolve'
    ])
  })
})
