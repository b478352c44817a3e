/**
 * The call's facts beside the form and the read view, in Spanish and English: people, call,
 * script run (path, mandatory lines, offers), complaints and disposition; offline said calmly;
 * the score, answers with comments, the state, the dispute, the resolution and the history.
 * Names and notes from records stay text.
 */
import { describe, expect, it } from 'vitest'

import type { Evaluation } from '@shared/evaluations/evaluation'
import { callContextSchema } from '@shared/evaluations/evaluation-api'
import { CallFactsPane } from '@renderer/features/evaluations/components/CallFactsPane'
import { EvaluationView } from '@renderer/features/evaluations'
import type { CallContextState } from '@renderer/features/evaluations/hooks/use-call-context'

import { render } from '../../support/render'
import {
  AGENT_ID,
  answer,
  callContext,
  evaluation,
  HOSTILE,
  ME,
  SMALL,
  TEAM,
  yes
} from './fixtures'
import { buttonTag } from './render-helpers'

const CUSTOMER = '33333333-3333-4333-8333-333333333333'

const full = callContextSchema.parse({
  ...callContext(),
  interaction: {
    id: '22222222-2222-4222-8222-222222222222',
    callId: 'call-1',
    direction: 'inbound',
    remoteNumber: '600000000',
    remoteE164: '+34600000000',
    customerId: CUSTOMER,
    ringAt: '2026-12-05T10:00:00Z',
    answeredAt: '2026-12-05T10:00:05Z',
    endedAt: '2026-12-05T10:04:50Z',
    holdSeconds: 30,
    result: 'answered',
    endedBy: 'remote',
    monitoredBy: [
      {
        sessionId: '44444444-4444-4444-8444-444444444444',
        leadId: ME.id,
        leadName: 'Carla Méndez',
        modes: ['listen']
      }
    ],
    agentId: AGENT_ID,
    teamId: TEAM,
    receivedAt: '2026-12-05T10:04:51Z'
  },
  customer: {
    id: CUSTOMER,
    externalRef: 'C-1',
    firstName: HOSTILE,
    lastName: 'Ruiz',
    documentId: null,
    phones: [],
    emails: [],
    preferredLanguage: 'es',
    tier: 'high_yield',
    recencyDays: 3,
    frequency12m: 4,
    monetary12m: 100,
    lifetimeValue: 900,
    products: [],
    doNotCall: false,
    notes: '',
    updatedAt: '2026-12-01T00:00:00Z'
  },
  run: {
    runId: '55555555-5555-4555-8555-555555555555',
    scriptId: 'retention',
    scriptVersion: 2,
    scriptTitle: 'Retención',
    status: 'closed',
    outcome: 'retained',
    abandonReason: null,
    seconds: 95,
    steps: [
      {
        nodeId: 'greet',
        title: 'Saludo',
        kind: 'say',
        seconds: 12,
        mandatory: true,
        confirmed: true,
        answer: null,
        offered: null
      },
      {
        nodeId: 'gdpr',
        title: 'Protección de datos',
        kind: 'say',
        seconds: 20,
        mandatory: true,
        confirmed: false,
        answer: null,
        offered: null
      },
      {
        nodeId: 'offer',
        title: 'Oferta fibra',
        kind: 'offer',
        seconds: 63,
        mandatory: false,
        confirmed: false,
        answer: 'accepted',
        offered: 'FIBRA'
      }
    ],
    missedMandatory: ['gdpr'],
    offers: [
      { nodeId: 'offer', productCode: 'FIBRA', answer: 'accepted' },
      { nodeId: 'tv', productCode: 'TV', answer: null }
    ]
  },
  complaints: [
    {
      id: '66666666-6666-4666-8666-666666666666',
      customerId: CUSTOMER,
      callId: 'call-1',
      category: 'billing',
      description: 'Cobro doble',
      createdAt: '2026-12-05T10:03:00Z',
      qualityDimension: 'reliability',
      caseNumber: 'R-2026-0042',
      status: 'open',
      agentId: AGENT_ID,
      teamId: TEAM,
      receivedAt: '2026-12-05T10:03:01Z'
    }
  ],
  disposition: {
    id: '77777777-7777-4777-8777-777777777777',
    callId: 'call-1',
    interactionId: '22222222-2222-4222-8222-222222222222',
    practice: false,
    code: 'retained',
    note: `Cliente ${HOSTILE}\nsegunda línea`,
    customerId: CUSTOMER,
    recordedAt: '2026-12-05T10:05:00Z',
    agentId: AGENT_ID,
    teamId: TEAM,
    receivedAt: '2026-12-05T10:05:01Z'
  }
})

function facts(state: CallContextState, language: 'es' | 'en' = 'es', prefill = true) {
  return render(
    <CallFactsPane
      state={state}
      onRefresh={() => undefined}
      onPrefill={prefill ? () => undefined : null}
      dispositionLabel={(code) => (code === 'retained' ? 'Cliente retenido' : code)}
    />,
    language
  )
}

describe('the call’s facts', () => {
  it('show the people, the call, the script run, complaints and the disposition', async () => {
    const { text, html } = await facts({ status: 'ready', context: full })
    expect(text).toContain('Agente Ana Ortiz')
    expect(text).toContain('Alto rendimiento')
    expect(text).toContain('Duración 4:45 · en espera 0:30')
    expect(text).toContain('Entrante · Atendida')
    expect(text).toContain('Supervisada por Carla Méndez')
    expect(text).toContain('Retención versión 2 · 1:35')
    expect(text).toContain('Completado retained')
    expect(text).toContain('1 de 2 líneas obligatorias sin confirmar.')
    expect(text).toContain('Saludo 0:12 confirmada')
    expect(text).toContain('Protección de datos 0:20 sin confirmar')
    expect(text).toContain('FIBRA Aceptada')
    expect(text).toContain('TV No ofrecida')
    expect(text).toContain('R-2026-0042 · Facturación · Confiabilidad Abierta')
    expect(text).toContain('Cliente retenido')
    expect(html).toContain('segunda línea')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('\u202e')
    expect(buttonTag(html, 'Rellenar desde el guion')).not.toContain('disabled')
  })

  it('say calmly when they are unavailable, and keep the fill button until a run arrives', async () => {
    const { text, html } = await facts({ status: 'unavailable', context: null, message: null })
    expect(text).toContain('no están disponibles ahora')
    expect(text).toContain('Puedes seguir puntuando')
    expect(html).toContain('role="note"')
    expect(buttonTag(html, 'Rellenar desde el guion')).toContain('disabled')
    expect(text).toContain('Sin guion registrado todavía')
    const en = await facts({ status: 'unavailable', context: null, message: null }, 'en')
    expect(en.text).toContain('You can go on scoring')
  })

  it('say a live call’s record comes when it ends', async () => {
    const { text } = await facts({ status: 'ready', context: callContext() }, 'es', false)
    expect(text).toContain('La llamada sigue en curso')
    expect(text).toContain('Sin guion registrado en esta llamada.')
    expect(text).toContain('Ninguna reclamación en esta llamada.')
    expect(text).not.toContain('Rellenar desde el guion')
  })
})

describe('the read view', () => {
  const read = (e: Evaluation, language: 'es' | 'en' = 'es') =>
    render(<EvaluationView evaluation={e} form={SMALL} />, language)

  it('shows the score, verdict and state, and each asked question’s answer and comment', async () => {
    const e = evaluation({
      answers: [
        yes('greeting'),
        { ...answer('hold', null), na: true },
        answer('tone', 3, { comment: 'Seco' }),
        yes('identity'),
        answer('unhappy', 'no'),
        answer('notes', 'Bien\nsigue así')
      ],
      comment: 'Buena llamada'
    })
    const { text, html } = await read({ ...e, score: { ...e.score } })
    expect(text).toContain('Evaluación de Ana Ortiz Publicada')
    expect(text).toContain('Formulario corto (v1) · evaluada por Carla Méndez')
    expect(text).toContain('Aprobada')
    expect(text).toContain('Pidió permiso para la espera No aplica')
    expect(text).toContain('Tono 3 de 5 Seco')
    expect(text).toContain('Comentario general Buena llamada')
    expect(html).toContain('Bien\nsigue así')
    expect(text).not.toContain('Recuperación')
    const en = await read(e, 'en')
    expect(en.text).toContain('Evaluation of Ana Ortiz Released')
    expect(en.text).toContain('Tone 3 of 5')
  })

  it('says a critical failure apart from the percentage', async () => {
    const answers = [
      yes('greeting'),
      yes('hold'),
      answer('tone', 5),
      answer('identity', 'no', { comment: 'No verificó' })
    ]
    const { text } = await read(
      evaluation({ answers, score: { ...evaluation({ answers }).score } })
    )
    expect(text).toMatch(/66,7 % Suspendida: fallo crítico/)
    expect(text).toContain('Verificó la identidad Crítica No Fallo crítico No verificó')
  })

  it('shows each state in words', async () => {
    const states = {
      draft: 'Borrador',
      submitted: 'Enviada',
      released: 'Publicada',
      acknowledged: 'Aceptada',
      disputed: 'En desacuerdo',
      resolved: 'Resuelta'
    } as const
    for (const [state, word] of Object.entries(states)) {
      const { text } = await read(evaluation({ state: state as keyof typeof states }))
      expect(text).toContain(word)
    }
    expect((await read(evaluation({ state: 'submitted', calibration: true }))).text).toContain(
      'Enviada Calibración'
    )
  })

  it('shows the dispute, its resolution and the history with the score at each step', async () => {
    const e = evaluation({
      state: 'resolved',
      dispute: { at: '2026-12-05T11:00:00Z', comment: `Sí verifiqué ${HOSTILE}` },
      resolution: {
        at: '2026-12-05T12:00:00Z',
        decision: 'kept',
        reason: 'Se oye en la grabación',
        byId: ME.id,
        byName: 'Carla Méndez'
      },
      history: [
        {
          at: '2026-12-05T10:00:00Z',
          actorId: ME.id,
          actorName: 'Carla Méndez',
          action: 'created',
          comment: '',
          percent: 50,
          criticalFailed: false
        },
        {
          at: '2026-12-05T10:05:00Z',
          actorId: ME.id,
          actorName: 'Carla Méndez',
          action: 'released',
          comment: '',
          percent: 60,
          criticalFailed: true
        },
        {
          at: '2026-12-05T11:00:00Z',
          actorId: AGENT_ID,
          actorName: HOSTILE,
          action: 'disputed',
          comment: 'Sí verifiqué',
          percent: 60,
          criticalFailed: true
        },
        {
          at: '2026-12-05T12:00:00Z',
          actorId: ME.id,
          actorName: 'Carla Méndez',
          action: 'resolved_kept',
          comment: 'Se oye',
          percent: 60,
          criticalFailed: true
        }
      ]
    })
    const { text, html } = await read(e)
    expect(text).toContain('Desacuerdo del agente Ana Ortiz')
    expect(text).toContain('Se mantuvo la puntuación Carla Méndez')
    expect(text).toContain('Se oye en la grabación')
    expect(text).toContain('Historial')
    expect(text).toContain('Creada · Carla Méndez · 50 %')
    expect(text).toContain('Publicada al agente · Carla Méndez · 60 %, fallo crítico')
    expect(text).toContain('Resuelta: puntuación mantenida')
    expect(html).not.toContain('<img')
    const en = await read(e, 'en')
    expect(en.text).toContain('The agent disagrees')
    expect(en.text).toContain('The score was kept')
  })

  it('still shows the score and history when the form has not reached this computer', async () => {
    const { text } = await render(<EvaluationView evaluation={evaluation()} form={null} />)
    expect(text).toContain('El formulario de esta evaluación aún no ha llegado a este equipo')
    expect(text).toContain('Aprobada')
  })
})
