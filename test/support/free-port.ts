/** A TCP port on 127.0.0.1 that was free a moment ago, for child servers started by tests. */
import { createServer } from 'node:net'

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => {
        resolvePort(port)
      })
    })
  })
}
