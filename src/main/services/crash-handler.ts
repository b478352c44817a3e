/**
 * Last-resort handler for errors nothing else caught in main: log, write a crash file, keep
 * running. A softphone that quits on a stray rejection drops the agent's live call.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { createLogger, errorFields, safeString, type Logger } from '../logger'

export type CrashKind = 'uncaughtException' | 'unhandledRejection'

/** The part of `process` the handler listens on. */
export interface CrashSource {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

export interface CrashHandlerOptions {
  source: CrashSource
  /** Where crash files go (created if missing). */
  crashDir: string
  /** Extra context written into every report (app version, platform). */
  context?: Readonly<Record<string, string>>
  log?: Logger
  now?: () => Date
}

/** Formats a crash report as plain text. Never throws, whatever was thrown. */
export function formatCrashReport(
  kind: CrashKind,
  error: unknown,
  time: Date,
  context: Readonly<Record<string, string>> = {}
): string {
  const fields = errorFields(error)
  const lines = [
    `kind: ${kind}`,
    `time: ${time.toISOString()}`,
    ...Object.entries(context).map(([key, value]) => `${key}: ${value}`),
    `error: ${safeString(fields['error'])}`,
    `message: ${safeString(fields['message'])}`,
    '',
    typeof fields['stack'] === 'string' ? fields['stack'] : '(no stack)'
  ]
  return `${lines.join('\n')}\n`
}

/** The crash file name for a time: sortable and safe on every file system. */
export function crashFileName(time: Date): string {
  return `crash-${time.toISOString().replace(/[:.]/g, '-')}.log`
}

/**
 * Installs the handlers. Each report is logged and written to `crashDir`; failures while
 * reporting are swallowed, because throwing from here would end the process.
 */
export function installCrashHandler(options: CrashHandlerOptions): void {
  const log = options.log ?? createLogger('crash-handler')
  const now = options.now ?? (() => new Date())
  const report = (kind: CrashKind, error: unknown): void => {
    try {
      const time = now()
      log.error(`main process ${kind}`, errorFields(error))
      mkdirSync(options.crashDir, { recursive: true })
      const path = join(options.crashDir, crashFileName(time))
      writeFileSync(path, formatCrashReport(kind, error, time, options.context), { flag: 'a' })
    } catch {
      // Nothing sensible is left to do: the logger or the disk is what failed.
    }
  }
  options.source.on('uncaughtException', (error) => {
    report('uncaughtException', error)
  })
  options.source.on('unhandledRejection', (reason) => {
    report('unhandledRejection', reason)
  })
}
