/**
 * `npm start`: build the app if needed, start the central server on its embedded database with
 * demo data, then launch the Electron app pointed at it. Where Electron cannot start (no binary,
 * as on CI machines), say so in one line and keep serving the browser edition.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const out = (line: string) => process.stdout.write(`${line}\n`)

function newestMtime(dir: string): number {
  let newest = 0
  const walk = (path: string) => {
    const st = statSync(path)
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name))
    } else newest = Math.max(newest, st.mtimeMs)
  }
  walk(dir)
  return newest
}

function buildIfNeeded(): void {
  const built = join(root, 'out/renderer/index.html')
  const stale = !existsSync(built) || newestMtime(join(root, 'src')) > statSync(built).mtimeMs
  if (!stale) return
  out('Building Atiende (electron-vite build)…')
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** The Electron binary's path, or null when the npm package could not fetch it. */
function electronBinary(): string | null {
  try {
    const pathFile = join(createRequire(import.meta.url).resolve('electron'), '../path.txt')
    const binary = join(pathFile, '../dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

function startServer(): Promise<string> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env
  })
  const stop = () => server.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  server.on('exit', (code) => process.exit(code ?? 0))
  return new Promise((resolveUrl) => {
    server.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk)
      const match = /Atiende server listening on (http:\/\/\S+)/.exec(chunk.toString())
      if (match?.[1]) resolveUrl(match[1])
    })
  })
}

buildIfNeeded()
const url = await startServer()
const electron = electronBinary()
if (electron) {
  const app = spawn(electron, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ATIENDE_SERVER_URL: url }
  })
  app.on('exit', () => process.kill(process.pid, 'SIGTERM'))
} else {
  out(
    `Electron cannot start on this machine (its binary is not installed); use the browser edition at ${url}`
  )
}
