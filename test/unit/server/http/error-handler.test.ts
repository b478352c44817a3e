import { describe, expect, it } from 'vitest'

import { HttpAppError } from '@server/http/app-error'
import { toAppError } from '@server/http/error-handler'

describe('toAppError', () => {
  it('keeps the code of deliberate errors and hides the details of our own faults', () => {
    expect(toAppError(new HttpAppError('conflict', 'taken'))).toEqual({
      status: 409,
      body: { code: 'conflict', message: 'taken' }
    })
    expect(toAppError(new Error('connection string leaked'))).toEqual({
      status: 500,
      body: { code: 'internal', message: 'Internal server error' }
    })
    expect(toAppError(Object.assign(new Error('too big'), { statusCode: 413 })).body.code).toBe(
      'payload_too_large'
    )
  })
})
