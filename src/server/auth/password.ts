/**
 * Password hashing with scrypt and a per-user salt. The stored string carries its parameters,
 * so they can be raised later without invalidating existing hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const KEY_LENGTH = 32
const SALT_LENGTH = 16
const DEFAULT_COST = { N: 16384, r: 8, p: 1 } as const

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await scryptAsync(password, salt, DEFAULT_COST)
  const { N, r, p } = DEFAULT_COST
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** True when `password` matches `stored`; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$')
  if (scheme !== 'scrypt' || !saltText || !keyText) return false
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  if (![cost.N, cost.r, cost.p].every((v) => Number.isInteger(v) && v > 0)) return false
  const expected = Buffer.from(keyText, 'base64url')
  if (expected.length !== KEY_LENGTH) return false
  const actual = await scryptAsync(password, Buffer.from(saltText, 'base64url'), {
    ...cost,
    maxmem: 256 * cost.N * cost.r
  })
  return timingSafeEqual(actual, expected)
}

let dummyHash: Promise<string> | null = null

/**
 * Spends the same time as a real check, so a login for an unknown user cannot be told apart from
 * a wrong password by timing.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password')
  await verifyPassword(password, await dummyHash)
  return false
}
