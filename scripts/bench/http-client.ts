/**
 * The load generator's HTTP client: node:http with keep-alive. `fetch` (undici, WHATWG streams)
 * cost the load generator, which shares the cores with the server it measures, about as much CPU
 * per request as the server spent answering it.
 */
import http from 'node:http'

// Every simulated agent keeps its connection, as a real client does (the default keeps 256 idle
// ones and closes the rest, so thousands of agents would reconnect all the time).
const agent = new http.Agent({ keepAlive: true, maxFreeSockets: Infinity })

export interface HttpRequest {
  method: 'GET' | 'POST'
  headers: Readonly<Record<string, string>>
  body?: string
}

/** Sends a request; every chunk of the body goes to `onData`. Resolves with the status code. */
export function send(
  url: string,
  request: HttpRequest,
  onData: (chunk: Buffer) => void
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: request.method, headers: request.headers, agent },
      (res) => {
        res.on('data', onData)
        res.on('end', () => {
          resolve(res.statusCode ?? 0)
        })
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(request.body)
  })
}

/** Sends a request and resolves with the status and the whole body as text. */
export async function sendForText(
  url: string,
  request: HttpRequest
): Promise<{ status: number; text: string }> {
  const chunks: Buffer[] = []
  const status = await send(url, request, (chunk) => chunks.push(chunk))
  return { status, text: Buffer.concat(chunks).toString() }
}

/** Closes the kept-alive connections, so the process can exit. */
export function closeConnections(): void {
  agent.destroy()
}
