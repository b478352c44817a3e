/**
 * The agent's SIP line for the session: fetches the provisioned account, applies the local
 * overrides, keeps a {@link SipUserAgent} registered, and hands its calls to the call commands.
 */
import i18next from 'i18next'

import { sipAccountSchema, type SipAccount } from '@shared/domain/sip-account'
import { serverUrl } from '../../data/server-url'
import { getDesktop } from '../../platform/desktop'
import { useAppStore } from '../../stores/app-store'
import { dialTarget, domainOf } from '../../telephony/sip-headers'
import { RegistrationState, SipUserAgent } from '../../telephony/sip-user-agent'
import { watchForWake } from '../../telephony/wake-detector'
import {
  ctiHeaderNames,
  defaultCountry,
  rememberProvisionedCountry
} from '../../settings/caller-id-settings'
import { applyOverrides, loadOverrides } from '../../settings/sip-overrides'
import { clearSipPasswordFromMemory, sipPassword } from '../../settings/sip-password'
import {
  canDial,
  canTransfer,
  incomingCall,
  placeCall,
  placeConsult,
  prepareConsult,
  transferBlind
} from './commands'
import { linkTarget, planDial, type DialPlan } from './dial-number'

export type DialRefusal = Extract<DialPlan, { ok: false }>['reason']

let agent: SipUserAgent | null = null
let provisioned: SipAccount | null = null
let lastAccessToken = ''
let stopDialLinks: (() => void) | null = null

let stopWakeWatch: (() => void) | null = null

const onOnline = (): void => {
  agent?.reconnectNow()
}

async function fetchAccount(accessToken: string): Promise<SipAccount> {
  const response = await fetch(`${serverUrl()}/api/me/sip-account`, {
    headers: { authorization: `Bearer ${accessToken}` }
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return sipAccountSchema.parse(await response.json())
}

function lineDown(reason: string): void {
  useAppStore
    .getState()
    .lineChanged({ state: RegistrationState.Unregistered, server: null, reason })
}

/** The provisioned account with this workstation's overrides (dialling rules included). */
function effectiveAccount(base: SipAccount): SipAccount {
  return applyOverrides(base, loadOverrides())
}

async function connect(): Promise<void> {
  if (!provisioned) return
  const overrides = loadOverrides()
  const account = applyOverrides(
    provisioned,
    overrides,
    await sipPassword(overrides.rememberPassword)
  )
  if (agent) return
  if (account.wsServers.length === 0) {
    useAppStore.getState().lineChanged({ state: 'unconfigured' })
    return
  }
  agent = new SipUserAgent({
    account,
    ctiHeaderNames,
    delegate: {
      onRegistrationChange: (status) => {
        useAppStore.getState().lineChanged(status)
      },
      onIncomingCall: incomingCall
    }
  })
  agent.start()
}

/** Starts the line after login; an unconfigured account leaves only practice calls. */
export async function startPhoneLine(accessToken: string): Promise<void> {
  lastAccessToken = accessToken
  if (agent || provisioned) return
  try {
    provisioned = await fetchAccount(accessToken)
    rememberProvisionedCountry(provisioned.defaultCountry)
  } catch (error) {
    lineDown(error instanceof Error ? error.message : String(error))
    return
  }
  window.addEventListener('online', onOnline)
  stopWakeWatch ??= watchForWake(() => {
    agent?.checkAfterWake()
  })
  await connect()
  stopDialLinks ??= getDesktop().onDialRequest(({ uri }) => {
    void dialLink(uri)
  })
}

/** A fresh access token: retry fetching the account if the first try failed (offline start). */
export function phoneTokenRefreshed(accessToken: string): void {
  lastAccessToken = accessToken
  if (!provisioned) void startPhoneLine(accessToken)
}

/** After the settings changed: reconnect with the new servers. */
export async function restartPhoneLine(): Promise<void> {
  await agent?.stop()
  agent = null
  if (provisioned) await connect()
  else await startPhoneLine(lastAccessToken)
}

export async function stopPhoneLine(): Promise<void> {
  window.removeEventListener('online', onOnline)
  stopWakeWatch?.()
  stopWakeWatch = null
  stopDialLinks?.()
  stopDialLinks = null
  const stopping = agent?.stop()
  agent = null
  provisioned = null
  clearSipPasswordFromMemory()
  useAppStore.getState().lineChanged({ state: 'unconfigured' })
  await stopping
}

function plan(raw: string, account: SipAccount): DialPlan {
  // The caller-identification settings' country (else the provisioned one) reads national numbers.
  return planDial(raw, defaultCountry(), account.dialPrefix)
}

function reportError(error: unknown): void {
  useAppStore.getState().phoneError(error instanceof Error ? error.message : String(error))
}

/** Dials what the agent typed; returns why not when the input is not dialable. */
export async function dial(raw: string): Promise<DialRefusal | null> {
  if (!agent || !provisioned || !canDial()) return null
  const planned = plan(raw, effectiveAccount(provisioned))
  if (!planned.ok) return planned.reason
  useAppStore.getState().dialled(raw)
  try {
    placeCall(await agent.call(planned.target))
  } catch (error) {
    reportError(error)
  }
  return null
}

/** Dials the last number again (Alt+R). */
export async function redial(): Promise<DialRefusal | null> {
  const last = useAppStore.getState().phone.lastDialled
  return last === null ? null : dial(last)
}

/**
 * Dials a `tel:` or `sip:` link (Electron's protocol handler, already reduced to a canonical
 * URI by main): `tel:+34911234567` dials the number, a SIP URI is dialled as is.
 */
export async function dialLink(uri: string): Promise<void> {
  const target = linkTarget(uri)
  if (!canDial()) {
    useAppStore.getState().phoneError(i18next.t('softphone.linkWhileBusy', { target }))
    return
  }
  const refusal = await dial(target)
  if (refusal) useAppStore.getState().phoneError(i18next.t(`softphone.dialErrors.${refusal}`))
}

/** Attended transfer, first step: holds the current call and calls the target to consult. */
export async function consult(raw: string): Promise<DialRefusal | null> {
  if (!agent || !provisioned || !canTransfer()) return null
  const planned = plan(raw, effectiveAccount(provisioned))
  if (!planned.ok) return planned.reason
  const phone = agent
  try {
    const heldCallId = await prepareConsult()
    if (heldCallId) placeConsult(await phone.call(planned.target), heldCallId)
  } catch (error) {
    reportError(error)
  }
  return null
}

/**
 * What a script's transfer step puts in the transfer field: the number, or the queue's address
 * at the account's SIP domain (a PBX reaches a queue by name or number there).
 */
export function transferAddress(
  target: { kind: 'number'; e164: string } | { kind: 'queue'; queue: string }
): string {
  if (target.kind === 'number') return target.e164
  const uri = provisioned ? effectiveAccount(provisioned).uri : null
  return uri ? dialTarget(target.queue, domainOf(uri)) : target.queue
}

/** Blind transfer of the current call to what the agent typed. */
export function transferTo(raw: string): DialRefusal | null {
  if (!agent || !provisioned || !canTransfer()) return null
  const planned = plan(raw, effectiveAccount(provisioned))
  if (!planned.ok) return planned.reason
  transferBlind(agent.uriFor(planned.target))
  return null
}
