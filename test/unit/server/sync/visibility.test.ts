import { describe, expect, it } from 'vitest'

import { PRACTICE_SCOPE_ID, visibilityOf } from '@server/sync/visibility'

const TEAM = '5b0e4a3c-1d2e-4f60-8a9b-0c1d2e3f4a5b'
const USER = '6c1f5b4d-2e3f-4a71-9bac-1d2e3f4a5b6c'

describe('visibilityOf', () => {
  it('gives admins everything, agents and leads their team, trainers shared rows and practice', () => {
    expect(visibilityOf({ userId: USER, role: 'admin', teamId: null })).toEqual({ kind: 'all' })
    expect(visibilityOf({ userId: USER, role: 'agent', teamId: TEAM })).toEqual({
      kind: 'team',
      teamId: TEAM,
      userId: USER,
      privateRows: 'own'
    })
    expect(visibilityOf({ userId: USER, role: 'team_lead', teamId: TEAM })).toEqual({
      kind: 'team',
      teamId: TEAM,
      userId: USER,
      privateRows: 'team'
    })
    expect(visibilityOf({ userId: USER, role: 'trainer', teamId: TEAM })).toEqual({
      kind: 'team',
      teamId: PRACTICE_SCOPE_ID,
      userId: USER,
      privateRows: 'team'
    })
    expect(visibilityOf({ userId: USER, role: 'agent', teamId: null })).toEqual({ kind: 'shared' })
  })
})
