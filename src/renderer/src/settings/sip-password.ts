/**
 * A SIP password the agent typed (a PBX the central server does not provision). It lives in
 * memory for the session; only when the agent ticks "remember" does it go to the OS keychain
 * (safeStorage in the desktop edition) or this browser's storage, and unticking deletes it.
 */
import { getDesktop } from '../platform/desktop'

const SECRET_KEY = 'sip-password'

let inMemory: string | null = null

/** Keeps `password` for the session, and in the keychain when `remember` is set. */
export async function keepSipPassword(password: string, remember: boolean): Promise<void> {
  inMemory = password
  const desktop = getDesktop()
  if (remember) {
    const stored = await desktop.setSecret({ key: SECRET_KEY, value: password })
    if (!stored.ok) throw new Error(stored.error.message)
  } else await desktop.deleteSecret({ key: SECRET_KEY })
}

/** Stops remembering: the keychain copy goes; the session keeps what it has. */
export async function forgetStoredSipPassword(): Promise<void> {
  await getDesktop().deleteSecret({ key: SECRET_KEY })
}

/** The password typed this session, else the remembered one, else null (use the provisioned). */
export async function sipPassword(remember: boolean): Promise<string | null> {
  if (inMemory !== null || !remember) return inMemory
  const stored = await getDesktop().getSecret({ key: SECRET_KEY })
  return stored.ok ? stored.data.value : null
}

/** Logout: nothing typed survives the session in memory. */
export function clearSipPasswordFromMemory(): void {
  inMemory = null
}
