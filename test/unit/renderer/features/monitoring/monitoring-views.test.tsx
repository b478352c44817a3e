/**
 * The agent's indicator, the call record's line, the admin's policy form and sessions log,
 * rendered from props: what each says in both languages, when the indicator shows, the form's
 * messages beside their fields, and names from desks and the directory kept as text.
 */
import { describe, expect, it } from 'vitest'

import type { InteractionMonitors } from '@shared/domain/interaction'
import type { MonitoringSessionView } from '@shared/monitoring/monitoring-api'
import { DEFAULT_MONITORING_POLICY } from '@shared/monitoring/monitoring-policy'
import {
  CallMonitoredBy,
  MonitoredIndicatorView,
  MonitoringPolicyForm,
  MonitoringSessionsTable,
  type AgentMonitoredBy
} from '@renderer/features/monitoring'
import { checkPolicy, serverFieldErrors } from '@renderer/features/monitoring/policy-form'

import { render, textOf, translator } from '../../support/render'

const HOSTILE = '<img src=x onerror=alert(1)>\u202eCarla'

function by(over: Partial<AgentMonitoredBy> = {}): AgentMonitoredBy {
  return {
    sessionId: '11111111-1111-4111-8111-111111111111',
    leadId: '22222222-2222-4222-8222-222222222222',
    leadName: 'Carla Méndez',
    mode: 'listen',
    since: '2026-12-06T10:00:00Z',
    shown: true,
    ...over
  }
}

describe('the agent’s monitored indicator', () => {
  it.each([
    ['listen', 'Carla Méndez te está escuchando', 'Carla Méndez is listening to you'],
    ['whisper', 'Carla Méndez te susurra', 'Carla Méndez is whispering to you'],
    ['barge', 'Carla Méndez interviene en la llamada', 'Carla Méndez is on the call']
  ] as const)('says %s as a polite status', async (mode, spanish, english) => {
    const es = await render(<MonitoredIndicatorView by={by({ mode })} />)
    expect(es.text).toBe(spanish)
    expect(es.html).toMatch(/^<div role="status" aria-live="polite"/)
    expect(es.html).toContain('aria-hidden="true"')
    expect((await render(<MonitoredIndicatorView by={by({ mode })} />, 'en')).text).toBe(english)
  })

  it('keeps listen to itself when the policy does not tell the agent; whisper and barge always show', async () => {
    expect((await render(<MonitoredIndicatorView by={by({ shown: false })} />)).text).toBe('')
    expect(
      (await render(<MonitoredIndicatorView by={by({ shown: false, mode: 'whisper' })} />)).text
    ).toBe('Carla Méndez te susurra')
    const none = await render(<MonitoredIndicatorView by={null} />)
    // The live region stays in the page, empty, so its first words are read out.
    expect(none.html).toBe(
      '<div role="status" aria-live="polite" class="monitored-indicator-empty"></div>'
    )
  })

  it('renders a hostile lead name as text', async () => {
    const { html } = await render(<MonitoredIndicatorView by={by({ leadName: HOSTILE })} />)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('\u202e')
  })
})

describe('a call record monitored by a lead', () => {
  it('says who monitored it and in which modes, and nothing when nobody did', async () => {
    const carla: InteractionMonitors[number] = {
      sessionId: '11111111-1111-4111-8111-111111111111',
      leadId: '22222222-2222-4222-8222-222222222222',
      leadName: 'Carla Méndez',
      modes: ['listen', 'whisper']
    }
    const monitors: InteractionMonitors = [carla]
    expect((await render(<CallMonitoredBy monitors={monitors} />)).text).toBe(
      'Supervisada por Carla Méndez (escucha, susurro)'
    )
    expect((await render(<CallMonitoredBy monitors={monitors} />, 'en')).text).toBe(
      'Monitored by Carla Méndez (listen, whisper)'
    )
    expect((await render(<CallMonitoredBy monitors={undefined} />)).html).toBe('')
    expect((await render(<CallMonitoredBy monitors={[]} />)).html).toBe('')
    const hostile = await render(<CallMonitoredBy monitors={[{ ...carla, leadName: HOSTILE }]} />)
    expect(hostile.html).not.toContain('<img')
  })
})

describe('the monitoring policy form', () => {
  const noop = () => undefined

  it('lays out method, permissions per role, the agent’s notice and the PBX codes with headers', async () => {
    const { html, text } = await render(
      <MonitoringPolicyForm
        value={DEFAULT_MONITORING_POLICY}
        errors={{}}
        message={null}
        onChange={noop}
        onSubmit={noop}
      />
    )
    expect(html).toContain('<legend>Método</legend>')
    expect(html).toContain('<caption>Modos permitidos por rol</caption>')
    expect(html).toContain('<th scope="row">Supervisor de equipo</th>')
    expect(html).toContain('aria-label="Administrador: Intervenir"')
    expect(text).toContain('El agente ve cuando solo se le escucha')
    expect(html).toContain('aria-label="Código a marcar para Susurrar"')
    expect(html).toContain('value="*223{extension}"')
    expect(html).not.toContain('aria-invalid')
  })

  it('finds what the schema refuses and shows each message beside its field', async () => {
    const t = await translator('es')
    const bad = {
      ...DEFAULT_MONITORING_POLICY,
      pbx: {
        ...DEFAULT_MONITORING_POLICY.pbx,
        dial: { ...DEFAULT_MONITORING_POLICY.pbx.dial, whisper: '*223' },
        switchKeys: { ...DEFAULT_MONITORING_POLICY.pbx.switchKeys, barge: 'X9' }
      }
    }
    const errors = checkPolicy(bad, t)
    expect(Object.keys(errors).sort()).toEqual(['pbx.dial.whisper', 'pbx.switchKeys.barge'])
    expect(checkPolicy(DEFAULT_MONITORING_POLICY, t)).toEqual({})

    const { html } = await render(
      <MonitoringPolicyForm
        value={bad}
        errors={errors}
        message={{ error: true, text: t('monitoring.policy.fixFields') }}
        onChange={noop}
        onSubmit={noop}
      />
    )
    expect(html).toMatch(
      /aria-label="Código a marcar para Susurrar" aria-invalid="true" aria-describedby="monitoring-policy-pbx\.dial\.whisper"/
    )
    expect(html).toContain(
      '<span id="monitoring-policy-pbx.dial.whisper" class="field-error">Escribe {extension} una vez, con solo caracteres de marcación alrededor.</span>'
    )
    expect(html).toContain('Solo tonos: 0-9, *, #, A-D (hasta 4).')
    expect(html).toContain('<p role="alert" class="error">Revisa los campos marcados.</p>')
  })

  it('reads the fields a server’s 400 names (JSON pointers in its details)', async () => {
    const t = await translator('en')
    const errors = serverFieldErrors(
      [
        { path: '/pbx/dial/listen', message: 'needs {extension} once' },
        { path: '', message: 'whole body' },
        'nonsense'
      ],
      t
    )
    expect(errors).toEqual({
      'pbx.dial.listen': 'Write {extension} once, with only dial characters around it.'
    })
    expect(serverFieldErrors(undefined, t)).toEqual({})
  })
})

describe('the monitoring sessions log', () => {
  const session: MonitoringSessionView = {
    id: '33333333-3333-4333-8333-333333333333',
    method: 'builtin',
    leadId: '22222222-2222-4222-8222-222222222222',
    leadName: HOSTILE,
    agentId: '44444444-4444-4444-8444-444444444444',
    agentName: '<script>alert(1)</script> Ana',
    callId: 'call-<b>1</b>',
    modes: ['listen', 'whisper'],
    issuedAt: '2026-12-06T10:00:00.000Z',
    redeemedAt: '2026-12-06T10:00:01.000Z',
    endedAt: '2026-12-06T10:03:00.000Z',
    endReason: 'transferred',
    events: [
      {
        at: '2026-12-06T10:00:00.000Z',
        kind: 'issued',
        mode: 'listen',
        detail: null,
        actorId: null,
        actorName: HOSTILE
      },
      {
        at: '2026-12-06T10:01:00.000Z',
        kind: 'mode',
        mode: 'whisper',
        detail: null,
        actorId: null,
        actorName: null
      },
      {
        at: '2026-12-06T10:03:00.000Z',
        kind: 'ended',
        mode: null,
        detail: 'transferred',
        actorId: null,
        actorName: null
      }
    ]
  }

  it('is a table with headers, one row per session, its events under it on demand', async () => {
    const closed = await render(<MonitoringSessionsTable sessions={[session]} />)
    expect(closed.html).toContain('aria-expanded="false"')
    expect(closed.text).not.toContain('Cambio a susurro')
    const { html } = await render(
      <MonitoringSessionsTable sessions={[session]} initiallyOpen={[session.id]} />
    )
    expect(html).toContain(`aria-expanded="true" aria-controls="monitoring-events-${session.id}"`)
    for (const header of ['Supervisor', 'Agente', 'Llamada', 'Modos', 'Inicio', 'Fin y motivo']) {
      expect(html).toContain(`<th scope="col">${header}</th>`)
    }
    const text = textOf(html)
    expect(text).toContain('escucha, susurro')
    expect(text).toContain('Llamada transferida')
    expect(text).toContain('3 eventos')
    expect(text).toContain('Cambio a susurro')
  })

  it('renders hostile names and call ids as text', async () => {
    const { html } = await render(
      <MonitoringSessionsTable sessions={[session]} initiallyOpen={[session.id]} />
    )
    expect(html).not.toMatch(/<img|<script|<b>/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Ana')
    expect(html).not.toContain('\u202e')
  })

  it('says so when there are none', async () => {
    expect((await render(<MonitoringSessionsTable sessions={[]} />, 'en')).text).toBe(
      'No monitoring sessions yet.'
    )
  })
})
