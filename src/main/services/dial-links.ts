/**
 * Routes tel:/sip: links (command line, macOS open-url, clicks inside the app) to the renderer.
 * Links that arrive before the renderer has loaded wait in a short queue.
 */
import { createLogger, type Logger } from '../logger'
import { parseDialUri } from '../security/trusted-url'

// A burst of links before the window loads is odd; only the most recent few are worth dialling.
const MAX_PENDING = 5

export interface DialRouter {
  /** Parses a raw link and forwards it, or queues it until a target is attached. */
  dispatch(raw: string): void
  /** Sets where dial requests go (the loaded renderer) and flushes the queue. */
  attach(send: (uri: string) => void): void
  /** Stops forwarding (the renderer is reloading or gone); new links queue again. */
  detach(): void
}

/** Creates the router. Hostile or malformed links are dropped and logged (truncated). */
export function createDialRouter(log: Logger = createLogger('dial-links')): DialRouter {
  const pending: string[] = []
  let target: ((uri: string) => void) | null = null
  return {
    dispatch(raw) {
      const uri = parseDialUri(raw)
      if (uri === null) {
        log.warn('ignored a link that is not a dialable tel:/sip: URI', { raw: raw.slice(0, 80) })
        return
      }
      if (target !== null) {
        target(uri)
        return
      }
      pending.push(uri)
      if (pending.length > MAX_PENDING) pending.shift()
    },
    attach(send) {
      target = send
      for (const uri of pending.splice(0)) send(uri)
    },
    detach() {
      target = null
    }
  }
}
