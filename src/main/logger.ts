/**
 * A tiny named logger for the main process. Modules log through `createLogger('name')`, so the
 * sink can change in one place (tests capture it; a file sink can be added later).
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface LogRecord {
  level: LogLevel
  name: string
  message: string
  time: string
  fields?: Readonly<Record<string, unknown>>
}

export type LogSink = (record: LogRecord) => void

export interface Logger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void
  info(message: string, fields?: Readonly<Record<string, unknown>>): void
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void
  error(message: string, fields?: Readonly<Record<string, unknown>>): void
}

const consoleSink: LogSink = (record) => {
  const line = `${record.time} ${record.level.toUpperCase()} [${record.name}] ${record.message}`
  const args: unknown[] = record.fields === undefined ? [line] : [line, record.fields]
  // This is the one place that may write to the console: every other module logs through here.
  // eslint-disable-next-line no-console
  const write = record.level === 'error' || record.level === 'warn' ? console.error : console.log
  write(...args)
}

let currentSink: LogSink = consoleSink

/** Replaces where log records go; returns a function that restores the previous sink. */
export function setLogSink(sink: LogSink): () => void {
  const previous = currentSink
  currentSink = sink
  return () => {
    currentSink = previous
  }
}

/** Creates a logger whose records carry `name`, e.g. `createLogger('app-protocol')`. */
export function createLogger(name: string): Logger {
  const emit = (
    level: LogLevel,
    message: string,
    fields?: Readonly<Record<string, unknown>>
  ): void => {
    const record: LogRecord = { level, name, message, time: new Date().toISOString() }
    try {
      currentSink(fields === undefined ? record : { ...record, fields })
    } catch {
      // A broken sink must never take the app down with it.
    }
  }
  return {
    debug: (message, fields) => {
      emit('debug', message, fields)
    },
    info: (message, fields) => {
      emit('info', message, fields)
    },
    warn: (message, fields) => {
      emit('warn', message, fields)
    },
    error: (message, fields) => {
      emit('error', message, fields)
    }
  }
}

/** Turns any thrown value into plain loggable fields (never the value itself: it may be huge). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { error: error.name, message: error.message, stack: error.stack }
  }
  return { error: typeof error, message: safeString(error) }
}

/** `String(value)` that cannot throw (a rejection reason may have a hostile `toString`). */
export function safeString(value: unknown): string {
  try {
    return String(value)
  } catch {
    return `[unprintable ${typeof value}]`
  }
}
