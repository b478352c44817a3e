import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { contentTypeFor, resolveAppRequest, serveAppRequest } from '@main/security/app-protocol'

const root = resolve('/srv/atiende/renderer')

function fileOf(url: string, method = 'GET'): string | number {
  const resolution = resolveAppRequest(url, method, root)
  return resolution.kind === 'file' ? resolution.path : resolution.status
}

describe('resolveAppRequest', () => {
  it.each([
    ['app://atiende/', 'index.html'],
    ['app://atiende', 'index.html'],
    ['app://atiende/index.html?server=http%3A%2F%2F127.0.0.1%3A8787', 'index.html'],
    ['app://atiende/assets/index-Ab12_x.js', 'assets/index-Ab12_x.js'],
    ['app://atiende/assets/sql-wasm-browser.wasm#frag', 'assets/sql-wasm-browser.wasm'],
    ['app://atiende/settings', 'index.html'],
    ['app://atiende/a/b/../c.js', 'a/c.js'],
    ['app://atiende/../../../../etc/passwd.txt', 'etc/passwd.txt']
  ])('maps %s inside the root', (url, relative) => {
    expect(fileOf(url)).toBe(join(root, relative))
  })

  it.each(['HEAD', 'GET'])('serves %s', (method) => {
    expect(resolveAppRequest('app://atiende/', method, root).kind).toBe('file')
  })

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'get', 'TRACE'])(
    'refuses %s with 405',
    (m) => {
      expect(fileOf('app://atiende/index.html', m)).toBe(405)
    }
  )

  it.each([
    'app://evil/index.html',
    'app://atiende.evil.com/index.html',
    'app://atiende@evil/index.html',
    'app://user@atiende/index.html',
    'app://atiende:8080/index.html',
    'https://atiende/index.html',
    'file:///srv/atiende/renderer/index.html'
  ])('refuses another origin %s with 403', (url) => {
    expect(fileOf(url)).toBe(403)
  })

  it.each([
    'app://atiende/%2e%2e/%2e%2e/etc/passwd',
    'app://atiende/%2E%2E/secret.txt',
    'app://atiende/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://atiende/..%2f..%2fetc/passwd',
    'app://atiende/..%5c..%5cwindows%5cwin.ini',
    'app://atiende/%252e%252e/%252e%252e/etc/passwd',
    'app://atiende/%25252e%25252e/x.js',
    'app://atiende/assets\\..\\..\\secret.txt',
    'app://atiende/index.html%00.png',
    'app://atiende/index.html\u0000.png',
    'app://atiende/.env',
    'app://atiende/.git/config',
    'app://atiende/assets/%E0%A4%A.js',
    'app://atiende/assets/caf%C3%A9.js',
    'app://atiende/a%20b.js',
    'app://atiende/C:/Windows/win.ini',
    'not a url'
  ])('refuses the suspicious path %j with 400', (url) => {
    expect(fileOf(url)).toBe(400)
  })

  it('never resolves outside the root, whatever the input', () => {
    const hostile = ['..', '%2e%2e', '.%2e', '%2e.', '%c0%ae%c0%ae', '....//', '..;', '%u002e']
    for (const a of hostile) {
      for (const b of hostile) {
        const resolution = resolveAppRequest(`app://atiende/${a}/${b}/x.js`, 'GET', root)
        if (resolution.kind === 'file') expect(resolution.path.startsWith(`${root}/`)).toBe(true)
      }
    }
  })
})

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['sql.wasm', 'application/wasm'],
    ['ring.ogg', 'audio/ogg'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['blob.bin', 'application/octet-stream']
  ])('%s is %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type)
  })
})

describe('serveAppRequest (real files in a temp dir)', () => {
  let dir = ''
  const csp = "default-src 'self'"

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atiende-app-protocol-'))
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true })
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Atiende</title>')
    await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'export {}')
    await mkdir(join(dir, 'renderer', 'assets', 'dir.js'))
    await writeFile(join(dir, 'secret.txt'), 'do not serve')
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const serve = (url: string, method = 'GET'): Promise<Response> =>
    serveAppRequest({ url, method }, join(dir, 'renderer'), csp)

  it('serves index.html with its content type, CSP and nosniff', async () => {
    const response = await serve('app://atiende/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(csp)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>Atiende</title>')
  })

  it('answers HEAD with headers and no body', async () => {
    const response = await serve('app://atiende/assets/app.js', 'HEAD')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe('9')
    expect(await response.text()).toBe('')
  })

  it('answers 404 for a missing file and for a directory, with the CSP', async () => {
    for (const url of ['app://atiende/assets/missing.js', 'app://atiende/assets/dir.js']) {
      const response = await serve(url)
      expect(response.status).toBe(404)
      expect(response.headers.get('content-security-policy')).toBe(csp)
    }
  })

  it('answers 405 with Allow for POST, and never serves files beside the root', async () => {
    const post = await serve('app://atiende/index.html', 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
    expect((await serve('app://atiende/..%2fsecret.txt')).status).toBe(400)
    expect((await serve('app://atiende/../secret.txt')).status).toBe(404)
  })
})
