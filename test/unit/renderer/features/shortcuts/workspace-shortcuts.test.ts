import { describe, expect, it } from 'vitest'

import { shortcut } from '@shared/keyboard'
import { caseToolShortcuts, workspaceShortcuts } from '@renderer/features/shortcuts'
import { caseTools, workspaceIds } from '@renderer/stores/workspace'

describe("the shell's keys", () => {
  it('give every workspace and every case tool its own shortcut, the same for every role', () => {
    const ids = [
      ...workspaceIds.map((id) => workspaceShortcuts[id]),
      ...caseTools.map((tool) => caseToolShortcuts[tool])
    ]
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(shortcut(id).context).toBe('app')
    expect(workspaceIds.map((id) => workspaceShortcuts[id])).toEqual([
      'nav.agentDesk',
      'nav.complaints',
      'nav.teamLive',
      'nav.training',
      'nav.quality',
      'nav.admin'
    ])
  })
})
