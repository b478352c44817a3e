/**
 * The lead's monitoring controls in the floor's detail, rendered from props (the container only
 * wires the store, the policy and the MonitoringActions to them): which buttons show per policy and
 * role, the pressed mode, the status per phase, and why a session ended or was refused.
 */
import { describe, expect, it } from 'vitest'

import type { MonitorMode } from '@shared/monitoring/monitoring'
import {
  DEFAULT_MONITORING_POLICY,
  permittedModes,
  type MonitoringPolicy
} from '@shared/monitoring/monitoring-policy'
import { MonitorControlsView, type LeadMonitorSession } from '@renderer/features/monitoring'
import { modeAction } from '@renderer/features/monitoring/monitor-text'

import { buttons, render, textOf } from '../../support/render'

const ana = { id: '00000000-0000-4000-8000-000000000001', name: 'Ana Ortiz' }
const bruno = { id: '00000000-0000-4000-8000-000000000002', name: 'Bruno Ruiz' }
const call = { id: 'call-1', practice: false }
const NOW = Date.parse('2026-12-06T10:00:12Z')

function session(over: Partial<LeadMonitorSession> = {}): LeadMonitorSession {
  return {
    sessionId: '11111111-1111-4111-8111-111111111111',
    agentId: ana.id,
    agentName: ana.name,
    callId: call.id,
    method: 'builtin',
    mode: 'listen',
    modes: ['listen', 'whisper', 'barge'],
    phase: 'live',
    liveSince: '2026-12-06T10:00:00Z',
    callHeld: false,
    endReason: null,
    refusal: null,
    error: null,
    ...over
  }
}

const noop = () => undefined
async function controls(
  props: {
    session?: LeadMonitorSession | null
    modes?: readonly MonitorMode[]
    call?: { id: string; practice: boolean } | null
    agent?: { id: string; name: string }
  },
  language: 'es' | 'en' = 'es'
) {
  return render(
    <MonitorControlsView
      agent={props.agent ?? ana}
      call={props.call === undefined ? call : props.call}
      session={props.session ?? null}
      modes={props.modes ?? ['listen', 'whisper', 'barge']}
      now={NOW}
      onMode={noop}
      onStop={noop}
      onDismiss={noop}
    />,
    language
  )
}

/** The text of the role=status element. */
function status(html: string): string {
  const found = /<p role="status"[^>]*>(.*?)<\/p>/.exec(html)
  return textOf(found?.[1] ?? '')
}

describe('the floor detail’s monitoring controls', () => {
  it('offers the modes the policy permits the role, in a named group, none pressed when idle', async () => {
    const policy: MonitoringPolicy = {
      ...DEFAULT_MONITORING_POLICY,
      permissions: { team_lead: ['listen', 'whisper'], admin: ['listen', 'whisper', 'barge'] }
    }
    const { html } = await controls({ modes: permittedModes(policy, 'team_lead') })
    expect(html).toContain('role="group" aria-label="Supervisión de la llamada"')
    expect(buttons(html).map((b) => b.text)).toEqual(['Escuchar', 'Susurrar'])
    expect(buttons(html).every((b) => b.attrs.includes('aria-pressed="false"'))).toBe(true)
    expect(status(html)).toBe('')

    const admin = await controls({ modes: permittedModes(policy, 'admin') })
    expect(buttons(admin.html).map((b) => b.text)).toEqual(['Escuchar', 'Susurrar', 'Intervenir'])
    // An agent or a trainer has no modes: nothing to press, and it says why.
    const agent = await controls({ modes: permittedModes(policy, 'agent') })
    expect(buttons(agent.html)).toEqual([])
    expect(agent.text).toContain('Tu rol no tiene ningún modo de supervisión permitido')
  })

  it('presses the live mode and offers to stop, with the elapsed time in the status', async () => {
    const { html } = await controls({ session: session({ mode: 'whisper' }) })
    const found = buttons(html)
    expect(found.map((b) => b.text)).toEqual([
      'Escuchar',
      'Susurrar',
      'Intervenir',
      'Dejar de supervisar'
    ])
    expect(found[1]?.attrs).toContain('aria-pressed="true"')
    expect(found[0]?.attrs).toContain('aria-pressed="false"')
    expect(found[3]?.attrs).toContain('aria-keyshortcuts="Alt+X"')
    expect(status(html)).toBe('Susurrando a Ana Ortiz · 0:12')
    expect(html).toMatch(/role="status" aria-live="polite"/)
  })

  it.each([
    [
      { phase: 'live', mode: 'listen' },
      'Escuchando a Ana Ortiz · 0:12',
      'Listening to Ana Ortiz · 0:12'
    ],
    [
      { phase: 'live', mode: 'barge' },
      'Interviniendo en la llamada de Ana Ortiz · 0:12',
      'Barged in on Ana Ortiz’s call · 0:12'
    ],
    [{ phase: 'requesting', liveSince: null }, 'Llamando…', 'Calling…'],
    [{ phase: 'connecting', liveSince: null }, 'Llamando…', 'Calling…'],
    [{ phase: 'live', callHeld: true }, 'La llamada está en espera', 'The call is on hold']
  ] as const)('says what happens: %o', async (over, spanish, english) => {
    expect(status((await controls({ session: session(over) })).html)).toBe(spanish)
    expect(status((await controls({ session: session(over) }, 'en')).html)).toBe(english)
  })

  it.each([
    [{ endReason: 'call_ended' }, 'La llamada terminó'],
    [{ endReason: 'transferred' }, 'Ana transfirió la llamada'],
    [{ endReason: 'stopped' }, 'Dejaste de supervisar a Ana Ortiz'],
    [{ endReason: 'agent_left' }, 'Ana cerró la sesión'],
    [{ refusal: 'not_permitted' }, 'No supervisas a este equipo'],
    [{ refusal: 'expired' }, 'La autorización caducó'],
    [
      { refusal: 'server_unreachable' },
      'El puesto de Ana no pudo confirmar la autorización con el servidor'
    ],
    [{ refusal: 'already_monitored' }, 'Otra persona ya supervisa a Ana'],
    [{ error: 'SIP 408 Request Timeout' }, 'No se pudo supervisar: SIP 408 Request Timeout']
  ] as const)('explains an end or a refusal calmly, with a dismiss: %o', async (over, text) => {
    const { html } = await controls({
      session: session({ phase: 'ended', ...over }),
      call: 'endReason' in over && over.endReason === 'call_ended' ? null : call
    })
    expect(status(html)).toBe(text)
    expect(html).not.toContain('role="alert"')
    const names = buttons(html).map((b) => b.text)
    expect(names).toContain('Entendido')
    expect(names).not.toContain('Dejar de supervisar')
  })

  it('says who the lead monitors when it is another agent, with stop, and still offers this one', async () => {
    const { html } = await controls({
      agent: bruno,
      session: session()
    })
    expect(textOf(html)).toContain('Supervisas a Ana Ortiz')
    const names = buttons(html).map((b) => b.text)
    expect(names).toEqual(['Dejar de supervisar', 'Escuchar', 'Susurrar', 'Intervenir'])
    // Nothing about Ana's session in Bruno's status line.
    expect(status(html)).toBe('')
  })

  it('shows no buttons for a practice call, and says why', async () => {
    const { html, text } = await controls({ call: { id: 'p-1', practice: true } })
    expect(buttons(html)).toEqual([])
    expect(text).toContain('llamada de práctica')
    const en = await controls({ call: { id: 'p-1', practice: true } }, 'en')
    expect(en.text).toContain('practice call')
  })

  it('shows nothing for an agent without a call and no session', async () => {
    const { html } = await controls({ call: null })
    expect(html).toBe('')
  })

  it('renders a hostile agent name as text', async () => {
    const { html } = await controls({
      session: session({ agentName: '<img src=x onerror=alert(1)>\u202eOrtiz' })
    })
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('\u202e')
  })
})

describe('what a click on a mode does', () => {
  it('starts when idle or on another agent, switches when live here, nothing on the pressed one', () => {
    expect(modeAction(null, ana.id, 'listen')).toBe('start')
    expect(modeAction(session({ agentId: bruno.id }), ana.id, 'listen')).toBe('start')
    expect(modeAction(session({ phase: 'ended' }), ana.id, 'listen')).toBe('start')
    expect(modeAction(session({ mode: 'listen' }), ana.id, 'whisper')).toBe('switch')
    expect(modeAction(session({ mode: 'listen' }), ana.id, 'listen')).toBe('none')
    // While connecting or switching, a second click waits for the first.
    expect(modeAction(session({ phase: 'connecting' }), ana.id, 'whisper')).toBe('none')
    expect(modeAction(session({ phase: 'switching' }), ana.id, 'barge')).toBe('none')
  })
})
