/**
 * The agent's SIP line for the session: fetches the provisioned account, applies the local
 * overrides, keeps a {@link SipUserAgent} registered, and hands its calls to the call controller.
 * The app creates one for its lifetime; its state (the user agent, the account) is the instance's.
 */
import i18next from 'i18next'
import type { Invitation } from 'sip.js'

import { sipAccountSchema, type SipAccount } from '@shared/domain/sip-account'
import { ROLEPLAY_HEADER } from '@shared/practice/roleplay'
import { serverUrl } from '@renderer/data/server-url'
import { getDesktop } from '@renderer/platform/desktop'
import {
  ctiHeaderNames,
  defaultCountry,
  rememberProvisionedCountry
} from '@renderer/settings/caller-id-settings'
import { applyOverrides, loadOverrides } from '@renderer/settings/sip-overrides'
import { clearSipPasswordFromMemory, sipPassword } from '@renderer/settings/sip-password'
import {
  BuiltinLeadCall,
  PbxLeadCall,
  type LeadPhone
} from '@renderer/telephony/monitoring/lead-monitor-call'
import { grantHeader } from '@renderer/telephony/monitoring/monitor-signals'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'
import { dialTarget, domainOf } from '@renderer/telephony/sip-headers'
import { RegistrationState, SipUserAgent } from '@renderer/telephony/sip-user-agent'
import { watchForWake } from '@renderer/telephony/wake-detector'
import type { CallController } from './call-controller'
import type { CallStore } from './call-controller-options'
import { linkTarget, planDial, type DialPlan } from './dial-number'
import type { TransferTarget } from './transfer-prefill'

export type DialRefusal = Extract<DialPlan, { ok: false }>['reason']

/** Monitoring's side of the line: the lead's INVITEs to this desk, and the sign-out. */
export interface LineMonitoring {
  /** A monitoring INVITE (it carries a grant): never a phone line. */
  monitorInvite(invitation: Invitation): void
  /** The line is about to stop (sign-out): monitoring ends first, while SIP still works. */
  signOut(): Promise<void>
}

export interface SipLineOptions {
  calls: CallController
  store: CallStore
  monitoring?: LineMonitoring
  /** A role-play INVITE: checked, then rung as practice with `ring` (or refused). */
  practiceInvite?: (invitation: Invitation, ring: (practice: PracticeCallScenario) => void) => void
}

async function fetchAccount(accessToken: string): Promise<SipAccount> {
  const response = await fetch(`${serverUrl()}/api/me/sip-account`, {
    headers: { authorization: `Bearer ${accessToken}` }
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return sipAccountSchema.parse(await response.json())
}

/** The provisioned account with this workstation's overrides (dialling rules included). */
function effectiveAccount(base: SipAccount): SipAccount {
  return applyOverrides(base, loadOverrides())
}

function plan(raw: string, account: SipAccount): DialPlan {
  // The caller-identification settings' country (else the provisioned one) reads national numbers.
  return planDial(raw, defaultCountry(), account.dialPrefix)
}

export class SipLine {
  readonly #calls: CallController
  readonly #store: CallStore
  readonly #monitoring: LineMonitoring | null
  readonly #practiceInvite: SipLineOptions['practiceInvite'] | null
  #agent: SipUserAgent | null = null
  #provisioned: SipAccount | null = null
  #lastAccessToken = ''
  #stopDialLinks: (() => void) | null = null
  #stopWakeWatch: (() => void) | null = null

  constructor(options: SipLineOptions) {
    this.#calls = options.calls
    this.#store = options.store
    this.#monitoring = options.monitoring ?? null
    this.#practiceInvite = options.practiceInvite ?? null
  }

  readonly #onOnline = (): void => {
    this.#agent?.reconnectNow()
  }

  #lineDown(reason: string): void {
    this.#store
      .getState()
      .lineChanged({ state: RegistrationState.Unregistered, server: null, reason })
  }

  async #connect(): Promise<void> {
    if (!this.#provisioned) return
    const overrides = loadOverrides()
    const account = applyOverrides(
      this.#provisioned,
      overrides,
      await sipPassword(overrides.rememberPassword)
    )
    if (this.#agent) return
    if (account.wsServers.length === 0) {
      this.#store.getState().lineChanged({ state: 'unconfigured' })
      return
    }
    const monitoring = this.#monitoring
    const practiceInvite = this.#practiceInvite
    this.#agent = new SipUserAgent({
      account,
      ctiHeaderNames,
      delegate: {
        onRegistrationChange: (status) => {
          this.#store.getState().lineChanged(status)
        },
        onIncomingCall: (session) => {
          this.#calls.incomingCall(session)
        },
        ...(monitoring
          ? {
              onMonitorInvite: (invitation: Invitation) => {
                monitoring.monitorInvite(invitation)
              }
            }
          : {}),
        ...(practiceInvite ? { onPracticeInvite: practiceInvite } : {})
      }
    })
    this.#agent.start()
  }

  /** Starts the line after login; an unconfigured account leaves only practice calls. */
  async start(accessToken: string): Promise<void> {
    this.#lastAccessToken = accessToken
    if (this.#agent || this.#provisioned) return
    try {
      this.#provisioned = await fetchAccount(accessToken)
      rememberProvisionedCountry(this.#provisioned.defaultCountry)
    } catch (error) {
      this.#lineDown(error instanceof Error ? error.message : String(error))
      return
    }
    window.addEventListener('online', this.#onOnline)
    this.#stopWakeWatch ??= watchForWake(() => {
      this.#agent?.checkAfterWake()
    })
    await this.#connect()
    this.#stopDialLinks ??= getDesktop().onDialRequest(({ uri }) => {
      void this.dialLink(uri)
    })
  }

  /** A fresh access token: retry fetching the account if the first try failed (offline start). */
  tokenRefreshed(accessToken: string): void {
    this.#lastAccessToken = accessToken
    if (!this.#provisioned) void this.start(accessToken)
  }

  /** After the settings changed: reconnect with the new servers. */
  async restart(): Promise<void> {
    await this.#agent?.stop()
    this.#agent = null
    if (this.#provisioned) await this.#connect()
    else await this.start(this.#lastAccessToken)
  }

  async stop(): Promise<void> {
    await this.#monitoring?.signOut().catch(() => undefined)
    window.removeEventListener('online', this.#onOnline)
    this.#stopWakeWatch?.()
    this.#stopWakeWatch = null
    this.#stopDialLinks?.()
    this.#stopDialLinks = null
    const stopping = this.#agent?.stop()
    this.#agent = null
    this.#provisioned = null
    clearSipPasswordFromMemory()
    this.#store.getState().lineChanged({ state: 'unconfigured' })
    await stopping
  }

  /**
   * The lead's monitoring calls, placed on this line's user agent but never handed to the call
   * controller (no phone line, no record, no wrap-up); null while the phone is not registered.
   */
  monitoringPhone(): LeadPhone | null {
    const agent = this.#agent
    if (agent?.status.state !== RegistrationState.Registered) return null
    return {
      monitorCall: (start, events) =>
        BuiltinLeadCall.start(
          agent.monitorInviter(start.target, [grantHeader(start.token)]),
          start.mode,
          events
        ),
      pbxCall: async (start, events) =>
        new PbxLeadCall(await agent.call(start.dialString), start, events)
    }
  }

  #reportError(error: unknown): void {
    this.#store.getState().phoneError(error instanceof Error ? error.message : String(error))
  }

  /** Dials what the agent typed; returns why not when the input is not dialable. */
  async dial(raw: string): Promise<DialRefusal | null> {
    if (!this.#agent || !this.#provisioned || !this.#calls.canDial()) return null
    const planned = plan(raw, effectiveAccount(this.#provisioned))
    if (!planned.ok) return planned.reason
    this.#store.getState().dialled(raw)
    try {
      this.#calls.placeCall(await this.#agent.call(planned.target))
    } catch (error) {
      this.#reportError(error)
    }
    return null
  }

  /**
   * A trainer's role-play: calls the trainee at `sipUri` with the session the server issued; the
   * call is practice on this desk too (the trainer's side). False when the line cannot call now.
   */
  async dialRoleplay(
    sipUri: string,
    token: string,
    practice: PracticeCallScenario
  ): Promise<boolean> {
    if (!this.#agent || !this.#calls.canDial()) return false
    try {
      const extraHeaders = [`${ROLEPLAY_HEADER}: ${token}`]
      this.#calls.placeCall(await this.#agent.call(sipUri, { extraHeaders, practice }))
      return true
    } catch (error) {
      this.#reportError(error)
      return false
    }
  }

  /** Dials the last number again (Alt+R). */
  async redial(): Promise<DialRefusal | null> {
    const last = this.#store.getState().phone.lastDialled
    return last === null ? null : this.dial(last)
  }

  /**
   * Dials a `tel:` or `sip:` link (Electron's protocol handler, already reduced to a canonical
   * URI by main): `tel:+34911234567` dials the number, a SIP URI is dialled as is.
   */
  async dialLink(uri: string): Promise<void> {
    const target = linkTarget(uri)
    if (!this.#calls.canDial()) {
      this.#store.getState().phoneError(i18next.t('softphone.linkWhileBusy', { target }))
      return
    }
    const refusal = await this.dial(target)
    if (refusal) this.#store.getState().phoneError(i18next.t(`softphone.dialErrors.${refusal}`))
  }

  /** Attended transfer, first step: holds the current call and calls the target to consult. */
  async consult(raw: string): Promise<DialRefusal | null> {
    if (!this.#agent || !this.#provisioned || !this.#calls.canTransfer()) return null
    const planned = plan(raw, effectiveAccount(this.#provisioned))
    if (!planned.ok) return planned.reason
    const phone = this.#agent
    try {
      const heldCallId = await this.#calls.prepareConsult()
      if (heldCallId) this.#calls.placeConsult(await phone.call(planned.target), heldCallId)
    } catch (error) {
      this.#reportError(error)
    }
    return null
  }

  /**
   * What a script's transfer step puts in the transfer field: the number, or the queue's address
   * at the account's SIP domain (a PBX reaches a queue by name or number there).
   */
  transferAddress(target: TransferTarget): string {
    if (target.kind === 'number') return target.e164
    const uri = this.#provisioned ? effectiveAccount(this.#provisioned).uri : null
    return uri ? dialTarget(target.queue, domainOf(uri)) : target.queue
  }

  /** Blind transfer of the current call to what the agent typed. */
  transferTo(raw: string): DialRefusal | null {
    if (!this.#agent || !this.#provisioned || !this.#calls.canTransfer()) return null
    const planned = plan(raw, effectiveAccount(this.#provisioned))
    if (!planned.ok) return planned.reason
    this.#calls.transferBlind(this.#agent.uriFor(planned.target))
    return null
  }
}
