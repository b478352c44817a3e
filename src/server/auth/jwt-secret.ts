/**
 * The access-token key: from ATIENDE_JWT_SECRET, or generated once and kept in the data dir
 * (mode 0600) so tokens survive a restart.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const FILE_NAME = 'jwt-secret'

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'
}

/** Loads or creates the secret. */
export async function loadJwtSecret(
  fromEnv: string | undefined,
  dataDir: string
): Promise<Uint8Array> {
  if (fromEnv) return new TextEncoder().encode(fromEnv)
  const path = join(dataDir, FILE_NAME)
  try {
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64url')
  } catch (error) {
    if (!isMissing(error)) throw error
  }
  await mkdir(dataDir, { recursive: true })
  const secret = randomBytes(48)
  // 'wx' fails if another instance wrote it first; then that one's secret wins.
  try {
    await writeFile(path, secret.toString('base64url'), { mode: 0o600, flag: 'wx' })
    return secret
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST') {
      return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64url')
    }
    throw error
  }
}
