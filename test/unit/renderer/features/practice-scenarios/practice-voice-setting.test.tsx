import { describe, expect, it } from 'vitest'

import { PracticeCustomerView } from '@renderer/features/practice-scenarios/components/PracticeCustomerPanel'
import {
  practiceVoiceOn,
  setPracticeVoiceOn
} from '@renderer/features/practice-scenarios/practice-voice-setting'

import { winBackCall } from '../../support/practice-call'
import { render } from '../../support/render'

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value)
    }
  }
}

describe("the practice customer's voice switch", () => {
  it('is on until turned off, and remembered on the workstation', () => {
    const storage = memoryStorage()
    expect(practiceVoiceOn(storage)).toBe(true)
    setPracticeVoiceOn(false, storage)
    expect(practiceVoiceOn(storage)).toBe(false)
    setPracticeVoiceOn(true, storage)
    expect(practiceVoiceOn(storage)).toBe(true)
    expect(practiceVoiceOn(null)).toBe(true)
  })

  it('is a named toggle in the panel, in both languages', async () => {
    const view = <PracticeCustomerView practice={winBackCall} run={null} catalogVersion={0} />
    const es = await render(view)
    expect(es.html).toMatch(/aria-pressed="true"[^>]*title="Voz del cliente"/)
    const en = await render(view, 'en')
    expect(en.text).toContain('Customer’s voice'.replace('’', "'"))
  })
})
