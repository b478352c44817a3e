import { describe, expect, it } from 'vitest'

import { hashPassword, verifyAgainstDummy, verifyPassword } from '@server/auth/password'

describe('password hashing', () => {
  it('verifies the password it hashed and rejects another', async () => {
    const hash = await hashPassword('atiende')
    expect(await verifyPassword('atiende', hash)).toBe(true)
    expect(await verifyPassword('Atiende', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('salts every hash, so one password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('atiende'), hashPassword('atiende')])
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/)
  })

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('contraseña')
    expect(await verifyPassword('contrasen\u0303a', hash)).toBe(true)
  })

  it('never matches a malformed or tampered hash', async () => {
    const hash = await hashPassword('atiende')
    const parts = hash.split('$')
    const tampered = [...parts.slice(0, 5), 'A'.repeat(43)].join('$')
    for (const stored of ['', 'plain', 'scrypt$0$8$1$abc$def', 'bcrypt$x', tampered]) {
      expect(await verifyPassword('atiende', stored)).toBe(false)
    }
  })

  it('checks unknown users against a dummy hash and always refuses', async () => {
    expect(await verifyAgainstDummy('atiende')).toBe(false)
  })
})
