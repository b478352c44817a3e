import { EventEmitter } from 'node:events'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { createLogger, setLogSink, type LogRecord } from '@main/logger'
import { crashFileName, formatCrashReport, installCrashHandler } from '@main/services/crash-handler'

const time = new Date('2025-03-04T05:06:07.089Z')
let dir = ''
let records: LogRecord[] = []
let restore = (): void => undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atiende-crash-'))
  records = []
  restore = setLogSink((record) => records.push(record))
})

afterEach(async () => {
  restore()
  await rm(dir, { recursive: true, force: true })
})

describe('formatCrashReport', () => {
  it('includes kind, time, context, message and stack', () => {
    const report = formatCrashReport('uncaughtException', new TypeError('boom'), time, {
      version: '1.0.0'
    })
    expect(report).toContain('kind: uncaughtException')
    expect(report).toContain('time: 2025-03-04T05:06:07.089Z')
    expect(report).toContain('version: 1.0.0')
    expect(report).toContain('error: TypeError')
    expect(report).toContain('message: boom')
    expect(report).toContain('at ')
  })

  it.each([undefined, null, 42, 'text', { toString: null }, Symbol('s')])(
    'never throws for a rejection reason of %s',
    (reason) => {
      expect(() => formatCrashReport('unhandledRejection', reason, time)).not.toThrow()
    }
  )
})

describe('crashFileName', () => {
  it('is sortable and has no characters Windows refuses', () => {
    expect(crashFileName(time)).toBe('crash-2025-03-04T05-06-07-089Z.log')
  })
})

describe('installCrashHandler', () => {
  it('logs and writes a crash file for uncaught exceptions and unhandled rejections', async () => {
    const source = new EventEmitter()
    const crashDir = join(dir, 'crashes')
    installCrashHandler({ source, crashDir, now: () => time, log: createLogger('crash-test') })
    source.emit('uncaughtException', new Error('first'))
    source.emit('unhandledRejection', 'second')
    const [name = ''] = await readdir(crashDir)
    const content = await readFile(join(crashDir, name), 'utf8')
    expect(content).toContain('message: first')
    expect(content).toContain('kind: unhandledRejection')
    expect(content).toContain('message: second')
    expect(records.filter((r) => r.level === 'error' && r.name === 'crash-test')).toHaveLength(2)
  })

  it('never throws, even when the crash file cannot be written', () => {
    const source = new EventEmitter()
    const blocker = join(dir, 'not-a-dir')
    installCrashHandler({ source, crashDir: join(blocker, 'crashes') })
    return writeFile(blocker, 'file in the way').then(() => {
      expect(() => source.emit('uncaughtException', new Error('x'))).not.toThrow()
    })
  })
})
