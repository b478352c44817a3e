/**
 * A call with a colleague, through the real call controller, screen pop, script watcher and
 * wrap-up guard, with the data worker played by the test: the card shows the colleague, no
 * script starts (one started before the directory answered goes, unrecorded), no disposition is
 * asked; a caller who merely calls herself "Ana Ortiz" stays a customer's call.
 */
import i18next from 'i18next'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { CustomerMatch } from '@shared/contract/worker'
import { ok, type Result } from '@shared/contract/result'
import type { DirectoryEntry } from '@shared/domain/directory'
import type { DataClient } from '@renderer/data/worker-client'
import { lookUpCaller, showLookup } from '@renderer/features/screen-pop/commands'
import { ScriptRunner } from '@renderer/features/scripts/script-runner'
import { watchScriptCalls } from '@renderer/features/scripts/watch-script-calls'
import { CallController } from '@renderer/features/softphone/call-controller'
import { defaultPhonePreferences } from '@renderer/features/softphone/phone-preferences'
import { WrapUpGuards } from '@renderer/features/softphone/wrap-up-guards'
import { dispositionPending } from '@renderer/features/wrap-up/commands'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import es from '@renderer/i18n/es.json'
import { FakeCall, settle } from '../softphone/fake-call'

const ana: DirectoryEntry = {
  userId: '00000000-0000-4000-8000-000000000001',
  displayName: 'Ana Ortiz',
  role: 'agent',
  teamId: '00000000-0000-4000-8000-0000000000aa',
  teamName: 'Norte',
  extension: '1001',
  sipAddress: 'sip:1001@atiende.local'
}
const noMatch: CustomerMatch = { matchedBy: 'none', normalizedNumber: null, customers: [] }

/** The worker: the directory knows Ana at 1001; its answer waits when the test holds it. */
const worker = {
  hold: false,
  held: null as (() => void) | null,
  lookups: [] as unknown[]
}
const fakeClient: DataClient = {
  send: ((name: string, args: { user?: string; host?: string | null }) =>
    new Promise<Result<unknown>>((resolve) => {
      if (name === 'customer:match') {
        resolve(ok(noMatch))
        return
      }
      if (name !== 'directory:lookup') {
        resolve(ok({}))
        return
      }
      worker.lookups.push(args)
      const sameDomain = args.host === null || args.host === 'atiende.local'
      const answer = () => {
        resolve(ok({ colleague: args.user === '1001' && sameDomain ? ana : null }))
      }
      if (worker.hold) worker.held = answer
      else answer()
    })) as DataClient['send'],
  listen: () => () => undefined
}

const s = () => useAppStore.getState()
let calls: CallController
let runner: ScriptRunner
let stopWatching: () => void
const guards = new WrapUpGuards()

beforeAll(async () => {
  await i18next.init({ lng: 'es', resources: { es: { translation: es } } })
})

beforeEach(() => {
  worker.hold = false
  worker.held = null
  worker.lookups = []
  calls = new CallController({
    store: useAppStore,
    callerCard: { lookUp: (info) => lookUpCaller(info, fakeClient), show: showLookup },
    recordInteraction: () => undefined,
    preferences: () => defaultPhonePreferences,
    callWaitingTone: () => undefined,
    isHidden: () => false,
    notify: () => undefined,
    wrapUpGuards: guards
  })
  runner = new ScriptRunner()
  stopWatching = watchScriptCalls(runner, guards)
})

afterEach(() => {
  stopWatching()
  resetAppStore()
})

/** Rings `call` and waits until its ringing view is up. */
async function ring(call: FakeCall): Promise<void> {
  calls.incomingCall(call)
  await vi.waitFor(() => {
    expect(s().phone.phase).toBe('ringing')
  })
}

describe('a call with a colleague', () => {
  it('pops the colleague, starts no script and needs no disposition', async () => {
    const call = new FakeCall('inbound', '1001', {
      remoteHost: 'atiende.local',
      remoteDisplayName: 'Ana'
    })
    await ring(call)
    expect(worker.lookups).toEqual([{ user: '1001', host: 'atiende.local' }])
    expect(s().screenPop).toMatchObject({ status: 'done', colleague: ana, customer: null })
    calls.answerCall()
    await settle()
    expect(s().phone.phase).toBe('active')
    expect(s().scriptRun.state).toBeNull()
    await call.hangup()
    expect(s().phone.phase).toBe('wrap_up')
    expect(dispositionPending()).toBeNull()
    calls.finishWrapUp()
    expect(s().phone.phase).toBe('idle')
  })

  it('drops, unrecorded, the script that started before the directory answered', async () => {
    worker.hold = true
    const call = new FakeCall('inbound', '1001', { remoteHost: 'atiende.local' })
    await ring(call)
    expect(s().screenPop.status).toBe('looking')
    calls.answerCall()
    await settle()
    expect(s().scriptRun.state).toMatchObject({ status: 'open' })
    worker.held?.()
    await vi.waitFor(() => {
      expect(s().screenPop.colleague).toEqual(ana)
    })
    expect(s().scriptRun.state).toBeNull()
  })

  it("is a customer's call when only the name is Ana's, or the extension is in another domain", async () => {
    for (const [number, host] of [
      ['612345678', 'atiende.local'],
      ['1001', 'evil.example']
    ] as const) {
      const call = new FakeCall('inbound', number, {
        remoteHost: host,
        remoteDisplayName: 'Ana Ortiz'
      })
      await ring(call)
      expect(s().screenPop).toMatchObject({ status: 'done', colleague: null, match: noMatch })
      calls.answerCall()
      await settle()
      expect(s().scriptRun.state).toMatchObject({ status: 'open' })
      await call.hangup()
      expect(dispositionPending()).toBe(es.wrapUp.dispositionRequired)
      resetAppStore()
    }
  })
})
