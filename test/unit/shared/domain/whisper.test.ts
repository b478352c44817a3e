/** The whisper's wire rules: a text says something, a jump names its step, text stays short. */
import { describe, expect, it } from 'vitest'

import { whisperInputSchema, whisperSendArgsSchema } from '@shared/domain/whisper'

const agentId = '7f1c2f0e-3d4b-4c55-9e2a-1b2c3d4e5f60'
const text = {
  agentId,
  callId: 'practice-1',
  kind: 'text',
  text: 'Ofrécele la retención',
  jumpId: null,
  jumpLabel: null,
  answersHand: false
}
const jump = { ...text, kind: 'jump', text: '', jumpId: 'retention', jumpLabel: 'Oferta' }

describe('whisper schemas', () => {
  it('take a text whisper and a jump whisper with an optional note', () => {
    expect(whisperInputSchema.parse({ ...text, text: '  Voy contigo\n' }).text).toBe('Voy contigo')
    expect(whisperInputSchema.parse(jump).jumpId).toBe('retention')
    expect(whisperInputSchema.parse({ ...jump, text: 'Ahora' }).text).toBe('Ahora')
    expect(whisperInputSchema.parse({ ...text, callId: null }).callId).toBeNull()
  })

  it('refuse a text without text, a jump without its step, and a text naming a step', () => {
    expect(whisperInputSchema.safeParse({ ...text, text: '   ' }).success).toBe(false)
    expect(whisperInputSchema.safeParse({ ...jump, jumpId: null }).success).toBe(false)
    expect(whisperInputSchema.safeParse({ ...jump, jumpLabel: '' }).success).toBe(false)
    expect(whisperInputSchema.safeParse({ ...text, jumpId: 'retention' }).success).toBe(false)
  })

  it('keep it short and its identifiers clean', () => {
    expect(whisperInputSchema.safeParse({ ...text, text: 'x'.repeat(280) }).success).toBe(true)
    expect(whisperInputSchema.safeParse({ ...text, text: 'x'.repeat(281) }).success).toBe(false)
    expect(whisperInputSchema.safeParse({ ...jump, jumpId: 'a\nb' }).success).toBe(false)
    expect(whisperInputSchema.safeParse({ ...text, extra: 1 }).success).toBe(false)
  })

  it('make the mutation from the input with its id and time', () => {
    const args = {
      ...text,
      id: '0e9c8b7a-6d5e-4f3a-8b2c-1d0e9f8a7b6c',
      sentAt: new Date().toISOString()
    }
    expect(whisperSendArgsSchema.parse(args)).toMatchObject({ kind: 'text' })
    expect(whisperSendArgsSchema.safeParse({ ...args, sentAt: 'yesterday' }).success).toBe(false)
  })
})
