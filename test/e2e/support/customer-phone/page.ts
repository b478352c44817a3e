/// <reference lib="dom" />
/**
 * The customer's phone as a bare page: SIP.js registered as a PSTN line (no app, no login, no
 * sync), which dials an agent and plays what it hears through an <audio> element so the tone
 * assertions can listen. Bundled once per run by the e2e global setup (customer-phone.ts opens it).
 * Its status texts are the app's Spanish ones, so the specs read both phones alike.
 */
import { Inviter, Registerer, RegistererState, SessionState, UserAgent, type Session } from 'sip.js'
import type { IncomingResponse } from 'sip.js/lib/core/messages/incoming-response'
import type { SessionDescriptionHandler } from 'sip.js/lib/platform/web'

const params = new URLSearchParams(location.search)
const line = required('user')
const domain = params.get('domain') ?? 'atiende.local'
const status = element('status')
const target = element('target') as HTMLInputElement
const remote = element('remote') as HTMLAudioElement
let session: Session | null = null
/** The final answer to the last INVITE when it was refused. */
let rejected: string | null = null

function required(name: string): string {
  const value = params.get(name)
  if (value === null) throw new Error(`the customer phone needs ?${name}=`)
  return value
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`#${id} is missing`)
  return found
}

function show(text: string): void {
  status.textContent = text
}

const uri = UserAgent.makeURI(`sip:${line}@${domain}`)
if (!uri) throw new Error(`not a SIP address: ${line}@${domain}`)
const ua = new UserAgent({
  uri,
  ...(params.has('name') ? { displayName: params.get('name') ?? '' } : {}),
  authorizationUsername: line,
  transportOptions: { server: required('ws') },
  logBuiltinEnabled: false,
  sessionDescriptionHandlerFactoryOptions: {
    // Loopback only: SIP.js would otherwise add a public STUN server.
    peerConnectionConfiguration: { iceServers: [] },
    iceGatheringTimeout: 500
  },
  delegate: {
    onDisconnect: (error) => {
      show(`Sin conexión: ${error?.message ?? 'cerrada'}`)
    },
    // A customer's line that is busy dialling takes no other call.
    onInvite: (invitation) => void invitation.reject({ statusCode: 486 })
  }
})

function follow(call: Session): void {
  call.stateChange.addListener((state) => {
    if (state === SessionState.Established) {
      const handler = call.sessionDescriptionHandler as SessionDescriptionHandler | undefined
      if (handler) remote.srcObject = handler.remoteMediaStream
      show('En llamada')
    } else if (state === SessionState.Terminated) {
      remote.srcObject = null
      session = null
      // Why a call never connected is what a failing spec needs to read.
      show(rejected ?? 'Llamada finalizada')
    }
  })
}

element('dial').addEventListener('click', () => {
  const to = UserAgent.makeURI(`sip:${target.value}@${domain}`)
  if (!to || session) return
  // A trainer's role-play carries the session the server issued (the only header we add).
  const practice = (element('practice') as HTMLInputElement).value.trim()
  const inviter = new Inviter(ua, to, {
    sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
    ...(practice === '' ? {} : { extraHeaders: [`X-Atiende-Practice-Session: ${practice}`] })
  })
  session = inviter
  follow(inviter)
  show('Llamando')
  const requestDelegate = {
    onReject: (response: IncomingResponse) => {
      const { statusCode, reasonPhrase } = response.message
      rejected = `Rechazada: ${String(statusCode ?? '?')} ${reasonPhrase ?? ''}`.trim()
      // SIP.js may end the session before it calls this: the refusal is shown either way.
      show(rejected)
    }
  }
  rejected = null
  inviter.invite({ requestDelegate }).catch((error: unknown) => {
    show(`Error: ${error instanceof Error ? error.message : String(error)}`)
  })
})

element('hangup').addEventListener('click', () => {
  const call = session
  if (!call) return
  if (call.state === SessionState.Established) void call.bye()
  else if (call instanceof Inviter) void call.cancel()
})

async function register(): Promise<void> {
  await ua.start()
  const registerer = new Registerer(ua, { expires: 300 })
  registerer.stateChange.addListener((state) => {
    show(state === RegistererState.Registered ? 'Registrado' : 'Sin registrar')
  })
  await registerer.register()
}

register().catch((error: unknown) => {
  show(`Error: ${error instanceof Error ? error.message : String(error)}`)
})
