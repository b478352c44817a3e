/**
 * The session's current access token, for the few requests the page makes to the server itself
 * (the SIP account, admin configuration). The data worker rotates it; the session passes each new
 * one here.
 */
let current = ''

export function setAccessToken(token: string): void {
  current = token
}

export function currentAccessToken(): string {
  return current
}
