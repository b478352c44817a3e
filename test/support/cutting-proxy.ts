/**
 * A loopback TCP proxy that can cut a connection in the middle of a response: the client gets
 * the status line and part of the body, then the socket dies. Used to prove that a push whose
 * answer was cut is neither lost nor applied twice.
 *
 * It can also stall: every connection stays open and nothing is forwarded either way, as when a
 * NAT forgets a connection or a cable is pulled upstream — no close, no error, just silence.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'

export class CuttingProxy {
  /** Responses cut so far. */
  cuts = 0
  private armedFor: string | null = null
  private stalled = false
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: Server,
    readonly port: number
  ) {}

  static async start(upstreamPort: number): Promise<CuttingProxy> {
    let proxy: CuttingProxy | null = null
    const server = createServer((client) => proxy?.handle(client, upstreamPort))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('no TCP address')
    proxy = new CuttingProxy(server, address.port)
    return proxy
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** Cuts the response to the next request whose first line contains `requestLine`. */
  cutNextResponseTo(requestLine: string): void {
    this.armedFor = requestLine
  }

  /** From now on nothing passes, on open connections and new ones, until {@link resume}. */
  stall(): void {
    this.stalled = true
  }

  /** Forwards again; connections opened or fed while stalled are dropped, as a NAT would. */
  resume(): void {
    this.stalled = false
    for (const s of this.sockets) s.destroy()
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve()
      })
    })
  }

  private handle(client: Socket, upstreamPort: number): void {
    const upstream = connect(upstreamPort, '127.0.0.1')
    this.sockets.add(client).add(upstream)
    let cutThisResponse = false
    client.on('data', (chunk: Buffer) => {
      if (this.stalled) return
      if (this.armedFor !== null && chunk.toString('latin1').includes(this.armedFor)) {
        this.armedFor = null
        cutThisResponse = true
      }
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      if (this.stalled) return
      if (!cutThisResponse) {
        client.write(chunk)
        return
      }
      // Forward headers and a slice of the body, then kill both sides mid-response.
      this.cuts++
      client.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length * 0.6))), () => {
        client.destroy()
        upstream.destroy()
      })
    })
    const end = () => {
      client.destroy()
      upstream.destroy()
      this.sockets.delete(client)
      this.sockets.delete(upstream)
    }
    client.on('error', end).on('close', end)
    upstream.on('error', end).on('close', end)
  }
}
