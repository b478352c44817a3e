/**
 * sipp in the two places of a monitoring session a classic SIP peer can take:
 * - a lead's app that is not one: it sends an agent's desk a monitoring INVITE with a grant it
 *   chose (forged, expired, reused), and the scenario completes only on the 403 whose reason
 *   phrase names the expected refusal (`refusalStatus()`); a provisional 180 (the desk ringing)
 *   or any other answer fails it;
 * - the PBX of the PBX method: registered on Kamailio as the user of a feature code (`*2221001`),
 *   it answers the lead's INVITE with an SDP Chromium accepts (ICE, DTLS fingerprint, SAVPF; media
 *   never flows, only the dialog matters), then requires an INFO carrying the DTMF key of the mode
 *   switch and the BYE of the stop.
 */
import { randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import {
  MONITOR_GRANT_HEADER,
  refusalStatus,
  type MonitorRefusal
} from '@shared/monitoring/monitoring'
import { runSipp, type SippResult } from './sipp'

const DOMAIN = 'atiende.local'

/** sipp's regular expressions are POSIX extended: brackets and parentheses are escaped. */
function posixLiteral(text: string): string {
  return text.replace(/[()[\]{}.*+?^$|\\]/g, (c) => `\\${c}`)
}

function grantScenario(extension: string, grant: string, refusal: MonitorRefusal): string {
  const { statusCode, reasonPhrase } = refusalStatus(refusal)
  const expected = posixLiteral(`SIP/2.0 ${String(statusCode)} ${reasonPhrase}`)
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="atiende monitoring grant">
  <send retrans="500">
    <![CDATA[
      INVITE sip:${extension}@${DOMAIN} SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Supervisor" <sip:2999@${DOMAIN}>;tag=[pid]SIPpTag00[call_number]
      To: <sip:${extension}@${DOMAIN}>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:2999@[local_ip]:[local_port]>
      Max-Forwards: 70
      ${MONITOR_GRANT_HEADER}: ${grant}
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=lead 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0
      a=rtpmap:0 PCMU/8000
    ]]>
  </send>
  <recv response="100" optional="true"/>
  <recv response="${String(statusCode)}">
    <action>
      <ereg regexp="${expected}" search_in="msg" check_it="true" assign_to="status"/>
    </action>
  </recv>
  <!-- The match is the check: the variable is never read. -->
  <Reference variables="status"/>
  <send>
    <![CDATA[
      ACK sip:${extension}@${DOMAIN} SIP/2.0
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      CSeq: 1 ACK
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
</scenario>
`
}

/**
 * Sends `grant` to `extension` through Kamailio; resolves with sipp's exit code, 0 only when the
 * desk refused it for `refusal` without ringing.
 */
export function sendGrant(
  dir: string,
  proxyPort: number,
  call: { extension: string; grant: string; refusal: MonitorRefusal; name: string }
): Promise<SippResult> {
  const file = join(dir, `sipp-grant-${call.name}.xml`)
  writeFileSync(file, grantScenario(call.extension, call.grant, call.refusal))
  return runSipp(dir, file, { remote: `127.0.0.1:${String(proxyPort)}` })
}

/** A syntactically valid SHA-256 fingerprint: no DTLS handshake ever happens with this peer. */
const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase())
  .map((h) => h.padStart(2, '0'))
  .join(':')

function pbxScenario(user: string, dtmf: string): string {
  // Only the answer to the INVITE adds the To tag: later requests carry it already.
  const reply = (status: string, extra: string, tag = false) => `  <send>
    <![CDATA[
      SIP/2.0 ${status}
      [last_Via:]
      [last_From:]
      [last_To:]${tag ? ';tag=[pid]SIPpTag01[call_number]' : ''}
      [last_Call-ID:]
      [last_CSeq:]
      [last_Record-Route:]
      Contact: <sip:${user}@[local_ip]:[local_port];transport=[transport]>
${extra}    ]]>
  </send>`
  const sdp = `      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=pbx 53655765 2353687637 IN IP4 [local_ip]
      s=-
      t=0 0
      a=group:BUNDLE 0
      a=msid-semantic: WMS
      m=audio [media_port] UDP/TLS/RTP/SAVPF 111
      c=IN IP4 [media_ip]
      a=rtcp:9 IN IP4 0.0.0.0
      a=ice-ufrag:pbx1
      a=ice-pwd:pbxpasswordpbxpassword12
      a=fingerprint:sha-256 ${FINGERPRINT}
      a=setup:active
      a=mid:0
      a=sendrecv
      a=rtcp-mux
      a=rtpmap:111 opus/48000/2
`
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="atiende monitoring through the PBX">
  <recv request="INVITE" crlf="true"/>
  <send>
    <![CDATA[
      SIP/2.0 100 Trying
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0
    ]]>
  </send>
${reply('200 OK', sdp, true)}
  <recv request="ACK" crlf="true"/>
  <recv request="INFO" crlf="true">
    <action>
      <ereg regexp="Signal= *${posixLiteral(dtmf)}" search_in="body" check_it="true" assign_to="signal"/>
    </action>
  </recv>
  <Reference variables="signal"/>
${reply('200 OK', '      Content-Length: 0\n')}
  <recv request="BYE"/>
${reply('200 OK', '      Content-Length: 0\n')}
</scenario>
`
}

/** Registers `user` on Kamailio at `contactPort` (expires 0 removes it); resolves on the 200. */
export function registerOnKamailio(
  proxyPort: number,
  user: string,
  contactPort: number,
  expires = 300
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4')
    socket.bind(0, '127.0.0.1', () => {
      const local = socket.address().port
      const message = [
        `REGISTER sip:${DOMAIN} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${String(local)};branch=z9hG4bK${randomBytes(6).toString('hex')};rport`,
        'Max-Forwards: 70',
        `From: <sip:${user}@${DOMAIN}>;tag=${randomBytes(4).toString('hex')}`,
        `To: <sip:${user}@${DOMAIN}>`,
        `Call-ID: ${randomBytes(8).toString('hex')}@127.0.0.1`,
        'CSeq: 1 REGISTER',
        `Contact: <sip:${user}@127.0.0.1:${String(contactPort)}>`,
        `Expires: ${String(expires)}`,
        'Content-Length: 0',
        '',
        ''
      ].join('\r\n')
      const timer = setTimeout(() => {
        socket.close()
        reject(new Error(`REGISTER ${user}: no answer from Kamailio`))
      }, 3000)
      socket.on('message', (reply) => {
        const status = reply.toString().split('\r\n')[0] ?? ''
        if (/^SIP\/2\.0 1\d\d/.test(status)) return
        clearTimeout(timer)
        socket.close()
        if (/^SIP\/2\.0 200/.test(status)) resolve(status)
        else reject(new Error(`REGISTER ${user}: ${status}`))
      })
      socket.send(message, proxyPort, '127.0.0.1')
    })
  })
}

/**
 * sipp as the PBX answering `user` (a feature code with the agent's extension): registered on
 * Kamailio, it waits for the lead's call, answers, requires the INFO with DTMF `dtmf`, then the
 * BYE. Resolves with sipp's exit code once the scenario ends (0: all of it happened).
 */
export async function pbxAnswering(
  dir: string,
  proxyPort: number,
  options: { user: string; dtmf: string; port: number; timeoutSeconds?: number }
): Promise<{ done: Promise<SippResult>; unregister: () => Promise<void> }> {
  const file = join(dir, 'sipp-pbx.xml')
  writeFileSync(file, pbxScenario(options.user, options.dtmf))
  const done = runSipp(dir, file, {
    port: options.port,
    timeoutSeconds: options.timeoutSeconds ?? 60
  })
  await registerOnKamailio(proxyPort, options.user, options.port)
  return {
    done,
    unregister: async () => {
      await registerOnKamailio(proxyPort, options.user, options.port, 0)
    }
  }
}
