/**
 * sipp as a classic SIP peer (an IVR or a PSTN gateway): one UDP INVITE through Kamailio with
 * CTI headers. The scenario accepts every final response an agent's phone may give: a WebRTC
 * phone cannot answer a plain RTP/AVP offer without a media relay, so the call ends declined
 * (486/603) or refused (480/488) by design.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { freeUdpPort } from '@support/kamailio'

export interface SippCall {
  /** Extension to ring, e.g. `1001`. */
  extension: string
  /** The From's user part as the carrier signals it (`anonymous` for a withheld number). */
  callerNumber: string
  /** The From's display name; none when absent. */
  callerName?: string
  /** The From's host; sipp's own address when absent (`anonymous.invalid` for a withheld one). */
  callerHost?: string
  headers: Record<string, string>
}

function fromAddress(call: SippCall): string {
  const uri = `<sip:${call.callerNumber}@${call.callerHost ?? '[local_ip]:[local_port]'}>`
  return call.callerName === undefined ? uri : `"${call.callerName}" ${uri}`
}

const FINAL_RESPONSES = ['480', '486', '487', '488', '500', '503', '603'] as const

function scenario(call: SippCall): string {
  // Each header line ends with its own newline: an empty line would end the header block.
  const extra = Object.entries(call.headers)
    .map(([name, value]) => `      ${name}: ${value}\n`)
    .join('')
  const finals = FINAL_RESPONSES.map(
    (code, i) =>
      `  <recv response="${code}"${i < FINAL_RESPONSES.length - 1 ? ' optional="true" next="ack"' : ''}/>`
  ).join('\n')
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="atiende inbound call">
  <send retrans="500">
    <![CDATA[
      INVITE sip:${call.extension}@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: ${fromAddress(call)};tag=[pid]SIPpTag00[call_number]
      To: <sip:${call.extension}@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:${call.callerNumber}@[local_ip]:[local_port]>
      Max-Forwards: 70
${extra}      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=ivr 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0
      a=rtpmap:0 PCMU/8000
    ]]>
  </send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="183" optional="true"/>
${finals}
  <label id="ack"/>
  <send>
    <![CDATA[
      ACK sip:${call.extension}@[remote_ip]:[remote_port] SIP/2.0
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

export interface SippResult {
  code: number | null
  log: string
}

/**
 * Runs sipp on scenario file `file` (one call, UDP on a free loopback port) and resolves with its
 * exit code (0 when the scenario completed) and output. `remote` is the proxy for a scenario that
 * starts by sending; a scenario that waits for a request gets `port` to listen on instead.
 */
export async function runSipp(
  dir: string,
  file: string,
  options: { remote?: string; port?: number; timeoutSeconds?: number }
): Promise<SippResult> {
  const port = String(options.port ?? (await freeUdpPort()))
  const args = ['-sf', file, '-m', '1', '-i', '127.0.0.1', '-p', port]
  // Its own media port, so two sipps (a PBX and a caller) never collide on the default one.
  args.push('-mp', String(await freeUdpPort()))
  args.push('-timeout', `${String(options.timeoutSeconds ?? 30)}s`, '-nostdin')
  args.push('-trace_err', '-error_file', join(dir, 'sipp-errors.log'))
  if (options.remote) args.push(options.remote)
  const child = spawn('sipp', args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir })
  let log = ''
  child.stdout.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString()
  })
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, log })
    })
  })
}

/** Places the call and resolves with sipp's exit code (0 when the scenario completed). */
export function runSippCall(dir: string, proxyPort: number, call: SippCall): Promise<SippResult> {
  const file = join(dir, `sipp-${call.extension}.xml`)
  writeFileSync(file, scenario(call))
  return runSipp(dir, file, { remote: `127.0.0.1:${String(proxyPort)}` })
}
