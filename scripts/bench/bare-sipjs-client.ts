/// <reference lib="dom" />
/**
 * The baseline for `bench:call`: a bare SIP.js phone with the library's defaults (fresh
 * getUserMedia per call, 5 s ICE gathering timeout), except that it is given no ICE server, so it
 * stays on loopback like Atiende. Bundled and served by the benchmark; it runs in Chromium.
 */
import { Inviter, Registerer, RegistererState, UserAgent } from 'sip.js'

declare global {
  interface Window {
    bare?: {
      ready: Promise<void>
      /** Places a call and returns the wall-clock time the dial started. */
      dial(target: string): number
    }
  }
}

const params = new URLSearchParams(location.search)
const uri = UserAgent.makeURI(params.get('uri') ?? '')
if (!uri) throw new Error('uri parameter missing')
const ua = new UserAgent({
  uri,
  transportOptions: { server: params.get('ws') ?? '' },
  logBuiltinEnabled: false,
  sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] } }
})

async function start(): Promise<void> {
  await ua.start()
  const registerer = new Registerer(ua)
  const registered = new Promise<void>((resolve) => {
    registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) resolve()
    })
  })
  await registerer.register()
  await registered
}

window.bare = {
  ready: start(),
  dial(target) {
    const at = performance.timeOrigin + performance.now()
    const targetUri = UserAgent.makeURI(target)
    if (!targetUri) throw new Error(`not a SIP URI: ${target}`)
    const inviter = new Inviter(ua, targetUri, {
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } }
    })
    void inviter.invite()
    return at
  }
}
