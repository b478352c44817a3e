import i18next from 'i18next'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { WrapUpGuards } from '@renderer/features/softphone/wrap-up-guards'
import {
  applyPublishedScripts,
  loadBundledScripts
} from '@renderer/features/scripts/bundled-scripts'
import { scriptFor } from '@renderer/features/scripts/commands'
import { ScriptRunner } from '@renderer/features/scripts/script-runner'
import { watchScriptCalls } from '@renderer/features/scripts/watch-script-calls'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import es from '@renderer/i18n/es.json'
import surveySource from '@resources/scripts/satisfaction-survey.yaml?raw'
import { CallState, type CallInfo } from '@renderer/telephony/call-session'
import { winBackCall } from '../../support/practice-call'

const call = (patch: Partial<CallInfo> = {}): CallInfo => ({
  id: 'call-1',
  kind: 'practice',
  direction: 'inbound',
  remoteNumber: '+34612345678',
  remoteDisplayName: null,
  ctiHeaders: {},
  startedAt: '2026-11-24T10:00:00.000Z',
  ...patch
})
const s = () => useAppStore.getState()

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: es } } })
})
/** Where the watcher registers its wrap-up guard (the call controller's, in the app). */
const guards = new WrapUpGuards()
/** The runs carry over from test to test, as the app's runner does from call to call. */
let runner = new ScriptRunner()

afterEach(resetAppStore)

describe('bundled scripts', () => {
  it('ships the four samples and the selection rules, all valid', () => {
    const catalog = loadBundledScripts()
    expect([...catalog.scripts.keys()].sort()).toEqual([
      'complaint-intake',
      'inbound-service',
      'outbound-retention',
      'satisfaction-survey'
    ])
    expect(catalog.rules.length).toBeGreaterThan(0)
    expect(catalog.broken).toEqual([])
  })

  it('leaves a broken file out and says which and where', () => {
    const catalog = loadBundledScripts({
      '/r/broken.yaml': 'id: inbound\nversion: [',
      '/r/script-selection.yaml': 'rules: nope'
    })
    expect(catalog.scripts.size).toBe(0)
    expect(catalog.broken).toHaveLength(2)
    expect(catalog.broken[0]).toMatch(/^broken\.yaml:\d+: /)
    expect(catalog.broken[1]).toMatch(/^script-selection\.yaml: /)
  })
})

describe('published scripts', () => {
  const bundled = loadBundledScripts()
  const survey = bundled.scripts.get('satisfaction-survey')
  const source = (version: number, extra = '') =>
    surveySource.replace(/^version: \d+$/m, `version: ${String(version)}`) + extra
  const published = (version: number, text = source(version)) => ({
    scriptId: 'satisfaction-survey',
    version,
    source: text,
    publishedAt: '2026-11-24T10:00:00.000Z'
  })
  afterEach(() => {
    applyPublishedScripts([])
  })

  it('a newer published version replaces the bundled one; the others stay', () => {
    const catalog = applyPublishedScripts([published(3)])
    expect(catalog.scripts.get('satisfaction-survey')?.version).toBe(3)
    expect(catalog.scripts.get('inbound-service')).toEqual(bundled.scripts.get('inbound-service'))
  })

  it('an older published version does not replace a newer bundled one', () => {
    expect(survey?.version).toBe(1)
    const catalog = applyPublishedScripts([published(1)])
    expect(catalog.scripts.get('satisfaction-survey')?.version).toBe(1)
  })

  it('a published version that fails validation is reported and never used', () => {
    const catalog = applyPublishedScripts([
      published(5, source(5).replace('next: intro-route', 'next: nowhere'))
    ])
    expect(catalog.scripts.get('satisfaction-survey')?.version).toBe(1)
    expect(catalog.broken).toEqual([expect.stringMatching(/^satisfaction-survey v5:\d+: /)])
  })
})

describe('script selection for a call', () => {
  it.each<[string, Partial<CallInfo>, string | null]>([
    ['a plain inbound call', {}, 'inbound-service'],
    [
      'the IVR put it in the complaints queue',
      { ctiHeaders: { 'x-queue': 'Complaints' } },
      'complaint-intake'
    ],
    [
      'an outbound retention campaign',
      { direction: 'outbound', ctiHeaders: { 'x-campaign': 'retention' } },
      'outbound-retention'
    ],
    ['an outbound call with no campaign', { direction: 'outbound' }, null]
  ])('%s → %s', (_name, patch, expected) => {
    expect(scriptFor(call(patch), null)).toBe(expected)
  })

  it("runs a practice call on its scenario's script, whatever the rules would pick", () => {
    const practice = winBackCall
    expect(scriptFor(call({ practice }), null)).toBe('complaint-intake')
    // A script this desk does not have: the rules decide, as for any call.
    const unknown = {
      ...practice,
      scenario: { ...practice.scenario, script: { id: 'not-here', version: 1 } }
    }
    expect(scriptFor(call({ practice: unknown }), null)).toBe(scriptFor(call(), null))
  })
})

describe('running a script', () => {
  it('refuses an illegal event with a message and keeps the state', () => {
    runner.startScript('call-1', 'inbound-service')
    const before = s().scriptRun.state
    expect(runner.sendScriptEvent({ type: 'back' })).toBe(false)
    expect(s().scriptRun.error).toBe('No hay paso anterior.')
    expect(s().scriptRun.state).toBe(before)
  })

  it('prefills the complaint form when the script reaches its complaint action', () => {
    runner.startScript('call-1', 'inbound-service')
    runner.sendScriptEvent({ type: 'next' })
    runner.sendScriptEvent({ type: 'chooseOption', index: 4 })
    runner.answerAndNext('The router was never delivered')
    expect(s().complaints.draft).toEqual({
      category: 'other',
      description: 'The router was never delivered'
    })
    expect(s().scriptRun.view?.step.effect?.type).toBe('create_complaint')
    runner.sendScriptEvent({ type: 'next' })
    expect(s().scriptRun.view?.step.outcome?.code).toBe('complaint')
  })

  it('switching scripts abandons the first run and starts the second', () => {
    runner.startScript('call-1', 'inbound-service')
    runner.startScript('call-1', 'satisfaction-survey')
    expect(s().scriptRun.state).toMatchObject({ scriptId: 'satisfaction-survey', status: 'open' })
  })

  it('holds the wrap-up while a mandatory line on the path is unconfirmed', () => {
    const stop = watchScriptCalls(runner, guards)
    try {
      runner.startScript('call-1', 'outbound-retention')
      expect(guards.blocker()).toBeNull()
      runner.sendScriptEvent({ type: 'next' })
      expect(s().scriptRun.view?.step.nodeId).toBe('disclosure')
      expect(guards.blocker()).toBe('Confirme los pasos obligatorios del guion antes de terminar.')
      expect(runner.scriptAllowsFinish()).toBe(false)
      runner.sendScriptEvent({ type: 'confirm' })
      expect(guards.blocker()).toBeNull()
      runner.sendScriptEvent({ type: 'abandon', reason: 'agent' })
      expect(runner.scriptAllowsFinish()).toBe(true)
    } finally {
      stop()
    }
    // Without the watcher, nothing guards the wrap-up any more.
    runner.startScript('call-2', 'outbound-retention')
    runner.sendScriptEvent({ type: 'next' })
    expect(guards.blocker()).toBeNull()
  })
})

describe('two lines', () => {
  afterEach(() => {
    runner = new ScriptRunner()
  })
  const first = call({ id: 'line-a', kind: 'sip' })
  const second = call({ id: 'line-b', kind: 'sip', remoteNumber: '+34699000111' })
  const focus = (info: CallInfo, state: CallState) => {
    s().lineFocused({ info, state, answeredAt: null, isMuted: false })
  }
  const path = () => s().scriptRun.state?.path.map((p) => p.nodeId)
  // The watcher settles a call that left once the softphone's update is over (a microtask).
  const settled = () => Promise.resolve()

  it('each call keeps its own run; the runner follows the line in front and swaps back', async () => {
    const stop = watchScriptCalls(runner, guards)
    try {
      s().callRinging(first)
      s().callConnecting()
      s().callAnswered()
      expect(s().scriptRun).toMatchObject({ callId: 'line-a' })
      runner.sendScriptEvent({ type: 'next' })
      runner.sendScriptEvent({ type: 'chooseOption', index: 1 })
      const onFirst = path()
      const firstState = s().scriptRun.state

      // Call waiting: the second caller rings behind; the runner stays on the first call.
      s().linesChanged([{ info: second, state: CallState.Ringing }], null)
      expect(s().scriptRun.state).toBe(firstState)

      // The agent answers it: the first call holds, the second gets a run of its own.
      s().callHeld()
      focus(second, CallState.Ringing)
      s().linesChanged([{ info: first, state: CallState.Held }], null)
      await settled()
      expect(s().scriptRun.view).toBeNull()
      s().callConnecting()
      s().callAnswered()
      expect(s().scriptRun.callId).toBe('line-b')
      expect(path()).toEqual(['greet', 'greet-unknown'])
      runner.sendScriptEvent({ type: 'next' })
      const onSecond = path()

      // Swap back: the first run is where it was, with its answer; resuming starts nothing new.
      s().callHeld()
      focus(first, CallState.Held)
      s().linesChanged([{ info: second, state: CallState.Held }], null)
      await settled()
      s().callResumed()
      expect(s().scriptRun.callId).toBe('line-a')
      expect(path()).toEqual(onFirst)
      expect(s().scriptRun.state?.startedAt).toBe(firstState?.startedAt)
      expect(s().scriptRun.view?.step.nodeId).toBe(onFirst?.at(-1))

      // The held caller hangs up: the run in front is untouched.
      s().linesChanged([], null)
      await settled()
      expect(s().scriptRun.callId).toBe('line-a')
      expect(s().scriptRun.state?.status).toBe('open')

      // A new call on that line id would start afresh: the ended call's run is gone.
      s().linesChanged([{ info: second, state: CallState.Held }], null)
      s().callHeld()
      focus(second, CallState.Held)
      await settled()
      expect(s().scriptRun.view).toBeNull()
      expect(onSecond).toHaveLength(3)
    } finally {
      stop()
    }
  })

  it('the call that ends in front settles its run; the held line comes forward with its own', async () => {
    const stop = watchScriptCalls(runner, guards)
    try {
      s().callRinging(first)
      s().callConnecting()
      s().callAnswered()
      s().linesChanged([{ info: second, state: CallState.Ringing }], null)
      s().callHeld()
      focus(second, CallState.Ringing)
      s().linesChanged([{ info: first, state: CallState.Held }], null)
      await settled()
      s().callConnecting()
      s().callAnswered()
      runner.sendScriptEvent({ type: 'next' })
      const onSecond = s().scriptRun.state

      // The first caller (held) is picked, then hangs up: the second line comes forward.
      s().callHeld()
      focus(first, CallState.Held)
      s().linesChanged([{ info: second, state: CallState.Held }], null)
      focus(second, CallState.Held)
      s().linesChanged([], null)
      await settled()
      expect(s().scriptRun.callId).toBe('line-b')
      expect(s().scriptRun.state).toBe(onSecond)
      expect(runner.scriptAllowsFinish()).toBe(false)
    } finally {
      stop()
    }
  })
})
