/** The central server: given by the Electron shell in the URL, else the origin that served us. */
export function serverUrl(): string {
  const fromQuery = new URLSearchParams(window.location.search).get('server')
  if (fromQuery) {
    const url = new URL(fromQuery)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin
  }
  return window.location.origin
}
