import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { complaintCreateArgsSchema, complaintSchema } from '@shared/domain/complaint'
import { complaintUpdateArgsSchema } from '@shared/domain/complaint-edit'
import { loginRequestSchema } from '@shared/sync/auth'
import { mutationSchema } from '@shared/sync/protocol'
import { identifierText, lineText, multilineText } from '@shared/text/text-schemas'
import {
  cleanDeep,
  cleanLine,
  cleanMultiline,
  describeFinding,
  findUnsafeText,
  freeTextFlaw,
  identifierFlaw
} from '@shared/text/unsafe-text'

const NUL = '\u0000'
const LONE_HIGH = '\ud800'
const LONE_LOW = '\udfff'

describe('the text rule', () => {
  it('finds unsafe controls and lone surrogates, and lets tab and line breaks be in free text', () => {
    expect(freeTextFlaw('José Núñez 😀')).toBeNull()
    expect(freeTextFlaw('line\tone\r\nline two\n')).toBeNull()
    expect(freeTextFlaw(`a${NUL}b`)).toBe('control')
    expect(freeTextFlaw('a\u001bb')).toBe('control')
    expect(freeTextFlaw('a\u007fb')).toBe('control')
    expect(freeTextFlaw(`a${LONE_HIGH}b`)).toBe('surrogate')
    expect(freeTextFlaw(`a${LONE_LOW}`)).toBe('surrogate')
    expect(freeTextFlaw(LONE_HIGH)).toBe('surrogate')
  })

  it('refuses tab and line breaks in identifiers too', () => {
    expect(identifierFlaw('CUST-1')).toBeNull()
    expect(identifierFlaw('CUST-1\t')).toBe('control')
    expect(identifierFlaw('CUST-1\n')).toBe('control')
    expect(identifierFlaw(`CUST-1${NUL}`)).toBe('control')
  })

  it('cleans a single line: controls removed, layout becomes spaces, lone surrogates U+FFFD', () => {
    expect(cleanLine(`Jo${NUL}sé\tNú\r\nñez${LONE_HIGH}`)).toBe('José Nú ñez\ufffd')
    const safe = 'José Núñez'
    expect(cleanLine(safe)).toBe(safe)
  })

  it('cleans multi-line text: CRLF and lone CR become LF, tab kept', () => {
    expect(cleanMultiline(`one\r\ntwo\rthree\tfour${NUL}\u0007`)).toBe('one\ntwo\nthree\tfour')
    expect(cleanMultiline(`😀${LONE_LOW}`)).toBe('😀\ufffd')
  })

  it('finds every unsafe string of a structure by its path, keys included', () => {
    const findings = findUnsafeText({
      description: `bad${NUL}`,
      nested: [{ ok: 'fine' }, { name: `x${LONE_HIGH}` }],
      [`k${NUL}`]: 'v'
    })
    expect(findings).toEqual([
      { path: ['description'], flaw: 'control' },
      { path: ['nested', 1, 'name'], flaw: 'surrogate' },
      { path: [`k${NUL}`], flaw: 'control' }
    ])
    expect(describeFinding({ path: ['description'], flaw: 'control' })).toBe(
      'description: contains a control character'
    )
  })

  it('counts nesting past 64 levels as a finding instead of walking it', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 10_000; i++) deep = [deep]
    expect(findUnsafeText(deep)[0]?.flaw).toBe('too_deep')
  })

  it('cleans a structure deeply without letting a __proto__ key set a prototype', () => {
    const hostile: unknown = JSON.parse(`{"__proto__": {"polluted": "a\\u0000"}, "b": ["\\ud800"]}`)
    const cleaned = cleanDeep(hostile) as Record<string, unknown>
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype)
    expect(Object.keys(cleaned)).toEqual(['__proto__', 'b'])
    expect(JSON.stringify(cleaned)).toBe('{"__proto__":{"polluted":"a"},"b":["\ufffd"]}')
  })
})

describe('the field schemas', () => {
  it('clean free text before the length checks', () => {
    expect(lineText().trim().min(1).parse(`  a${NUL}b\tc\n `)).toBe('ab c')
    expect(multilineText().parse('a\r\nb')).toBe('a\nb')
    expect(lineText().min(1).safeParse(NUL).success).toBe(false)
  })

  it('refuse identifiers, never clean them', () => {
    expect(identifierText().safeParse(`CUST-1${NUL}`).success).toBe(false)
    expect(identifierText().parse('CUST-1')).toBe('CUST-1')
  })

  it('keep the JSON Schema of a plain string (the OpenAPI document is unchanged)', () => {
    expect(z.toJSONSchema(lineText().max(5))).toMatchObject({ type: 'string', maxLength: 5 })
  })
})

describe('the contract under the rule', () => {
  const base = {
    id: '7f6c1f0e-5a0e-4d47-9d5e-0d2c8f3a1b11',
    customerId: null,
    callId: 'call-1',
    category: 'billing',
    description: 'The bill is wrong',
    createdAt: '2026-12-01T10:00:00.000Z'
  }

  it('cleans a complaint description with a NUL and a lone surrogate', () => {
    const parsed = complaintCreateArgsSchema.parse({
      ...base,
      description: `The bill${NUL} is wrong${LONE_HIGH}\r\nagain`
    })
    expect(parsed.description).toBe('The bill is wrong\ufffd\nagain')
  })

  it('refuses a complaint whose call id carries a control character', () => {
    expect(complaintCreateArgsSchema.safeParse({ ...base, callId: `call-1${NUL}` }).success).toBe(
      false
    )
  })

  it('cleans, never refuses, an identifier in a complaint read from a pull', () => {
    const row = {
      ...base,
      callId: `call-1\u0001`,
      caseNumber: 'Q-1',
      status: 'open',
      agentId: '7f6c1f0e-5a0e-4d47-9d5e-0d2c8f3a1b12',
      teamId: null,
      receivedAt: '2026-12-01T10:00:01.000Z'
    }
    expect(complaintSchema.parse(row).callId).toBe('call-1')
  })

  it('cleans a free-text edit and refuses a control character in a category edit', () => {
    const edit = (field: string, value: string) => ({
      id: base.id,
      complaintId: '7f6c1f0e-5a0e-4d47-9d5e-0d2c8f3a1b13',
      edits: [{ field, base: null, value }],
      at: base.createdAt
    })
    const cleaned = complaintUpdateArgsSchema.parse(edit('description', `new${NUL} text`))
    expect(cleaned.edits[0]?.value).toBe('new text')
    expect(complaintUpdateArgsSchema.safeParse(edit('category', `billing${NUL}`)).success).toBe(
      false
    )
  })

  it('reads an old outbox mutation with a NUL in its description, cleaned', () => {
    const parsed = mutationSchema.parse({
      id: '7f6c1f0e-5a0e-4d47-9d5e-0d2c8f3a1b14',
      name: 'complaint.create',
      args: { ...base, description: `old${NUL} record` }
    })
    expect(parsed.name === 'complaint.create' && parsed.args.description).toBe('old record')
  })

  it('refuses credentials with control characters', () => {
    expect(loginRequestSchema.safeParse({ username: `ana${NUL}`, password: 'x' }).success).toBe(
      false
    )
    expect(loginRequestSchema.safeParse({ username: 'ana', password: `p${NUL}` }).success).toBe(
      false
    )
  })
})
