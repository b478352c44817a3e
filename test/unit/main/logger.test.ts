import { afterEach, describe, expect, it } from 'vitest'

import { createLogger, errorFields, setLogSink, type LogRecord } from '@main/logger'

let restore = (): void => undefined

afterEach(() => {
  restore()
})

describe('createLogger', () => {
  it('emits named, levelled, timestamped records to the sink', () => {
    const records: LogRecord[] = []
    restore = setLogSink((record) => records.push(record))
    const log = createLogger('unit')
    log.info('hello', { a: 1 })
    log.error('bad')
    expect(records).toMatchObject([
      { level: 'info', name: 'unit', message: 'hello', fields: { a: 1 } },
      { level: 'error', name: 'unit', message: 'bad' }
    ])
    expect(records[1]).not.toHaveProperty('fields')
    expect(Number.isNaN(Date.parse(records[0]?.time ?? ''))).toBe(false)
  })

  it('survives a sink that throws', () => {
    restore = setLogSink(() => {
      throw new Error('sink down')
    })
    expect(() => {
      createLogger('unit').warn('still fine')
    }).not.toThrow()
  })
})

describe('errorFields', () => {
  it('describes errors and other thrown values', () => {
    expect(errorFields(new RangeError('r'))).toMatchObject({ error: 'RangeError', message: 'r' })
    expect(errorFields('plain')).toEqual({ error: 'string', message: 'plain' })
    expect(errorFields(Object.create(null))).toEqual({
      error: 'object',
      message: '[unprintable object]'
    })
  })
})
