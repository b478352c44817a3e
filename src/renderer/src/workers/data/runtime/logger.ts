/**
 * A tiny named logger for the worker. `console.*` is banned by lint, so log records go to a
 * sink the entry point chooses (posted to the page, or dropped in tests).
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface LogRecord {
  level: LogLevel
  scope: string
  message: string
  details?: unknown
}

export type LogSink = (record: LogRecord) => void

export interface Logger {
  debug(message: string, details?: unknown): void
  info(message: string, details?: unknown): void
  warn(message: string, details?: unknown): void
  error(message: string, details?: unknown): void
}

let sink: LogSink = () => undefined

/** Routes every logger's records to `next` (the worker entry posts them to the page). */
export function setLogSink(next: LogSink): void {
  sink = next
}

/** A logger whose records carry `scope`, e.g. `createLogger('sync-engine')`. */
export function createLogger(scope: string): Logger {
  const log =
    (level: LogLevel) =>
    (message: string, details?: unknown): void => {
      sink(details === undefined ? { level, scope, message } : { level, scope, message, details })
    }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}
