/**
 * A tiny SIP user agent over UDP for the call benchmark: it registers on Kamailio like a desk
 * phone and sees INVITEs arrive outside any browser, stamped with this machine's wall clock
 * (the same clock a page reads as `performance.timeOrigin + performance.now()`). It declines
 * every INVITE at once (486), and can place an INVITE towards a softphone to time the ringing.
 */
import { randomBytes } from 'node:crypto'
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram'

/** Wall-clock milliseconds with sub-millisecond resolution. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now()
}

function token(bytes = 6): string {
  return randomBytes(bytes).toString('hex')
}

interface SipMessage {
  startLine: string
  headers: Map<string, string[]>
}

function parse(raw: string): SipMessage {
  const [head = ''] = raw.split('\r\n\r\n')
  const [startLine = '', ...lines] = head.split('\r\n')
  const headers = new Map<string, string[]>()
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()])
  }
  return { startLine, headers }
}

function header(message: SipMessage, name: string): string {
  return message.headers.get(name)?.[0] ?? ''
}

export interface InviteArrival {
  callId: string
  /** Wall-clock time the INVITE datagram was read. */
  at: number
  /** Who called (user part of From). */
  from: string
}

interface PendingClient {
  resolveFinal: (status: number) => void
  request: { branch: string; from: string; callId: string; requestUri: string }
}

export class UdpSipEndpoint {
  readonly #socket: Socket
  readonly #proxyPort: number
  readonly #user: string
  readonly #domain: string
  readonly #arrivals: InviteArrival[] = []
  readonly #waiters: ((arrival: InviteArrival) => void)[] = []
  readonly #clients = new Map<string, PendingClient>()
  readonly #answered = new Map<string, string>()
  #registered: ((status: number) => void) | null = null

  private constructor(socket: Socket, proxyPort: number, user: string, domain: string) {
    this.#socket = socket
    this.#proxyPort = proxyPort
    this.#user = user
    this.#domain = domain
    socket.on('message', (datagram, from) => {
      // Stamp first: parsing is not part of the wire time.
      const at = wallClockMs()
      this.#onMessage(datagram.toString(), at, from)
    })
  }

  static async open(options: {
    proxyPort: number
    user: string
    domain: string
  }): Promise<UdpSipEndpoint> {
    const socket = createSocket('udp4')
    await new Promise<void>((resolve) => {
      socket.bind(0, '127.0.0.1', resolve)
    })
    return new UdpSipEndpoint(socket, options.proxyPort, options.user, options.domain)
  }

  get #localPort(): number {
    return this.#socket.address().port
  }

  get #contact(): string {
    return `<sip:${this.#user}@127.0.0.1:${this.#localPort}>`
  }

  /** Registers this endpoint's contact for `sip:<user>@<domain>`. */
  async register(expiresSeconds = 600): Promise<void> {
    const status = new Promise<number>((resolve) => {
      this.#registered = resolve
    })
    this.#send([
      `REGISTER sip:${this.#domain} SIP/2.0`,
      this.#via(`z9hG4bK${token()}`),
      'Max-Forwards: 70',
      `From: <sip:${this.#user}@${this.#domain}>;tag=${token(4)}`,
      `To: <sip:${this.#user}@${this.#domain}>`,
      `Call-ID: ${token(8)}@127.0.0.1`,
      'CSeq: 1 REGISTER',
      `Contact: ${this.#contact}`,
      `Expires: ${expiresSeconds}`,
      'Content-Length: 0'
    ])
    const code = await status
    if (code !== 200) throw new Error(`REGISTER answered ${code}`)
  }

  /** The next INVITE to arrive (or one that arrived since the last call). */
  nextInvite(): Promise<InviteArrival> {
    const arrived = this.#arrivals.shift()
    if (arrived) return Promise.resolve(arrived)
    return new Promise((resolve) => this.#waiters.push(resolve))
  }

  /**
   * Sends an INVITE to `user` with a plain audio offer; returns the wall-clock send time and the
   * final status once the callee answers or declines (ACKed here when it is not a 2xx). `caller`
   * stands in for what a carrier or IVR signals: the number in From (this endpoint's user when
   * absent; e.g. `anonymous`) and extra header lines such as `X-Account: CUST-0000002`.
   */
  invite(
    user: string,
    displayName: string | null,
    caller: { number?: string; headers?: readonly string[] } = {}
  ): { sentAt: number; final: Promise<number> } {
    const branch = `z9hG4bK${token()}`
    const callId = `${token(8)}@127.0.0.1`
    const name = displayName === null ? '' : `"${displayName}" `
    const from = `${name}<sip:${caller.number ?? this.#user}@${this.#domain}>;tag=${token(4)}`
    const requestUri = `sip:${user}@${this.#domain}`
    const sdp = [
      'v=0',
      `o=bench ${Date.now()} 1 IN IP4 127.0.0.1`,
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      'm=audio 40000 RTP/AVP 0',
      'a=rtpmap:0 PCMU/8000',
      ''
    ].join('\r\n')
    const final = new Promise<number>((resolveFinal) => {
      this.#clients.set(callId, { resolveFinal, request: { branch, from, callId, requestUri } })
    })
    const sentAt = wallClockMs()
    this.#send(
      [
        `INVITE ${requestUri} SIP/2.0`,
        this.#via(branch),
        'Max-Forwards: 70',
        `From: ${from}`,
        `To: <${requestUri}>`,
        `Call-ID: ${callId}`,
        'CSeq: 1 INVITE',
        `Contact: ${this.#contact}`,
        ...(caller.headers ?? []),
        'Content-Type: application/sdp',
        `Content-Length: ${Buffer.byteLength(sdp)}`
      ],
      sdp
    )
    return { sentAt, final }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#socket.close(resolve)
    })
  }

  #via(branch: string): string {
    return `Via: SIP/2.0/UDP 127.0.0.1:${this.#localPort};branch=${branch};rport`
  }

  #send(lines: string[], body = ''): void {
    this.#sendTo([...lines, '', body].join('\r\n'), this.#proxyPort)
  }

  #sendTo(text: string, port: number): void {
    this.#socket.send(text, port, '127.0.0.1')
  }

  #onMessage(raw: string, at: number, from: RemoteInfo): void {
    const message = parse(raw)
    const status = /^SIP\/2\.0 (\d{3})/.exec(message.startLine)
    if (status) {
      this.#onResponse(message, Number(status[1]))
      return
    }
    const method = message.startLine.split(' ')[0]
    if (method === 'INVITE') this.#onInvite(message, at, from)
    else if (method === 'OPTIONS' || method === 'BYE' || method === 'CANCEL') {
      this.#reply(message, from, '200 OK')
    }
    // ACK for our 486 needs no answer.
  }

  #onInvite(message: SipMessage, at: number, from: RemoteInfo): void {
    const callId = header(message, 'call-id')
    // A retransmission gets the same final answer again, and is not a new arrival.
    const known = this.#answered.get(callId)
    if (known) {
      this.#sendTo(known, from.port)
      return
    }
    const caller = /sip:([^@>;]+)/.exec(header(message, 'from'))?.[1] ?? ''
    this.#answered.set(callId, this.#reply(message, from, '486 Busy Here'))
    const arrival = { callId, at, from: caller }
    const waiter = this.#waiters.shift()
    if (waiter) waiter(arrival)
    else this.#arrivals.push(arrival)
  }

  #reply(request: SipMessage, to: RemoteInfo, status: string): string {
    const toHeader = header(request, 'to')
    const lines = [
      `SIP/2.0 ${status}`,
      ...(request.headers.get('via') ?? []).map((v) => `Via: ${v}`),
      `From: ${header(request, 'from')}`,
      `To: ${toHeader.includes(';tag=') ? toHeader : `${toHeader};tag=${token(4)}`}`,
      `Call-ID: ${header(request, 'call-id')}`,
      `CSeq: ${header(request, 'cseq')}`,
      'Content-Length: 0',
      '',
      ''
    ]
    const text = lines.join('\r\n')
    this.#sendTo(text, to.port)
    return text
  }

  #onResponse(message: SipMessage, code: number): void {
    const cseq = header(message, 'cseq')
    if (cseq.endsWith('REGISTER')) {
      if (code >= 200) this.#registered?.(code)
      return
    }
    if (!cseq.endsWith('INVITE') || code < 200) return
    const client = this.#clients.get(header(message, 'call-id'))
    if (!client) return
    this.#clients.delete(client.request.callId)
    if (code >= 300) {
      // A non-2xx final response is acknowledged within the INVITE transaction (same branch).
      this.#send([
        `ACK ${client.request.requestUri} SIP/2.0`,
        this.#via(client.request.branch),
        'Max-Forwards: 70',
        `From: ${client.request.from}`,
        `To: ${header(message, 'to')}`,
        `Call-ID: ${client.request.callId}`,
        'CSeq: 1 ACK',
        'Content-Length: 0'
      ])
    }
    client.resolveFinal(code)
  }
}
