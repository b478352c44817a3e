/**
 * `npm run bundle-sizes [-- --dir out/renderer] [--markdown]`: the browser edition's chunks after
 * `npm run build:app`, raw and gzip (level 9) bytes, what each is (the main bundle with the agent
 * desk, a workspace split out with React.lazy, the data worker, WebAssembly, fonts, styles), and
 * the largest packages in each, read from the module comments the bundler leaves in its output.
 * One JSON line, or a Markdown table for docs/benchmarks.md with `--markdown`.
 *
 * It also says which code the page loads before the login screen (the entry and everything it
 * imports statically), what opening each workspace fetches on top of that, and whether any of
 * the packages only a split workspace needs (charts) reached the start.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

import { emit } from './bench/stats'

/** Packages that must stay out of the start: only a split workspace needs them. */
const SPLIT_ONLY_PACKAGES = ['recharts', 'd3-shape', 'd3-scale', '@reduxjs/toolkit']

interface Chunk {
  file: string
  kind: 'js' | 'css' | 'wasm' | 'font' | 'other'
  bytes: number
  gzipBytes: number
  /** Bytes per package (node_modules) or per source folder, from the module comments. */
  parts: Map<string, number>
  staticImports: string[]
  dynamicImports: string[]
  workerUrls: string[]
}

interface Row {
  file: string
  role: string
  loaded: 'start' | 'workspace' | 'worker' | 'on demand'
  kB: number
  gzipKB: number
  top: string
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function kindOf(file: string): Chunk['kind'] {
  if (file.endsWith('.js')) return 'js'
  if (file.endsWith('.css')) return 'css'
  if (file.endsWith('.wasm')) return 'wasm'
  if (/\.(woff2?|ttf)$/.test(file)) return 'font'
  return 'other'
}

/** `../../main/node_modules/@scope/pkg/x.js` → `@scope/pkg`; `src/renderer/src/features/a/b.ts` → `features/a`. */
function ownerOf(modulePath: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(modulePath)
  if (inModules?.[1]) return inModules[1]
  const inSource = /src\/(?:renderer\/src\/)?([^/]+)(?:\/([^/.]+))?/.exec(modulePath)
  if (inSource?.[1]) return inSource[2] ? `${inSource[1]}/${inSource[2]}` : inSource[1]
  return '(bundler)'
}

/** Bytes per owner: each `// path` comment the bundler writes starts a module. */
function partsOf(text: string): Map<string, number> {
  const parts = new Map<string, number>()
  let owner = '(bundler)'
  for (const line of text.split('\n')) {
    const start = /^\/\/ ((?:\.\.\/)+\S+|src\/\S+)$/.exec(line)
    if (start?.[1]) owner = ownerOf(start[1])
    parts.set(owner, (parts.get(owner) ?? 0) + line.length + 1)
  }
  return parts
}

function readChunk(dir: string, file: string): Chunk {
  const bytes = readFileSync(join(dir, file))
  const kind = kindOf(file)
  const text = kind === 'js' ? bytes.toString('utf8') : ''
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => basename(m[1] ?? ''))
  return {
    file,
    kind,
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    parts: kind === 'js' ? partsOf(text) : new Map<string, number>(),
    staticImports: all(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g),
    dynamicImports: all(/import\(\s*["']\.\/([^"']+\.js)["']\s*\)/g),
    workerUrls: all(/new URL\(\s*["']([^"']+\.js)["']\s*,\s*import\.meta\.url/g)
  }
}

function closure(from: readonly string[], chunks: ReadonlyMap<string, Chunk>): Set<string> {
  const seen = new Set<string>()
  const stack = [...from]
  while (stack.length > 0) {
    const file = stack.pop()
    if (file === undefined || seen.has(file)) continue
    seen.add(file)
    stack.push(...(chunks.get(file)?.staticImports ?? []))
  }
  return seen
}

function top(chunk: Chunk, n = 4): string {
  const total = [...chunk.parts.values()].reduce((a, b) => a + b, 0)
  return [...chunk.parts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .filter(([, bytes]) => total > 0 && bytes / total >= 0.03)
    .map(([owner, bytes]) => `${owner} ${String(Math.round((bytes / total) * 100))} %`)
    .join(', ')
}

const kB = (bytes: number) => Math.round(bytes / 100) / 10
const sum = (
  files: Iterable<string>,
  chunks: ReadonlyMap<string, Chunk>,
  key: 'bytes' | 'gzipBytes'
) => [...files].reduce((total, f) => total + (chunks.get(f)?.[key] ?? 0), 0)

/** A chunk named after a module (rolldown's choice) says little: name it by what it holds. */
function sharedRole(chunk: Chunk): string {
  const owners = [...chunk.parts.entries()].sort((a, b) => b[1] - a[1]).map(([o]) => o)
  return `shared: ${owners.slice(0, 3).join(', ')}`
}

export function bundleSizes(dir: string) {
  const assets = join(dir, 'assets')
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const entry = basename(/<script[^>]+src="\.\/assets\/([^"]+)"/.exec(html)?.[1] ?? '')
  const chunks = new Map<string, Chunk>()
  for (const file of readdirSync(assets)) {
    if (statSync(join(assets, file)).isFile()) chunks.set(file, readChunk(assets, file))
  }
  if (!chunks.has(entry)) throw new Error(`no entry script in ${join(dir, 'index.html')}`)
  const start = closure([entry], chunks)
  const workers = new Set([...chunks.values()].flatMap((c) => c.workerUrls))
  const workspaces = new Map<string, string>()
  for (const chunk of chunks.values()) {
    for (const target of chunk.dynamicImports) {
      const name = /^([A-Za-z]+)Workspace-/.exec(target)?.[1]
      if (name) workspaces.set(target, name)
    }
  }
  const rows: Row[] = []
  const workspaceFetch: Record<string, { kB: number; gzipKB: number; files: string[] }> = {}
  for (const [file, name] of workspaces) {
    const extra = [...closure([file], chunks)].filter((f) => !start.has(f))
    workspaceFetch[name] = {
      kB: kB(sum(extra, chunks, 'bytes')),
      gzipKB: kB(sum(extra, chunks, 'gzipBytes')),
      files: extra
    }
  }
  const lazyOwners = new Map<string, string>()
  for (const [name, { files }] of Object.entries(workspaceFetch)) {
    for (const f of files) lazyOwners.set(f, lazyOwners.has(f) ? 'several workspaces' : name)
  }
  for (const chunk of [...chunks.values()].sort((a, b) => b.bytes - a.bytes)) {
    const { file } = chunk
    let role: string
    let loaded: Row['loaded']
    if (file === entry) [role, loaded] = ['main: app shell and agent desk (entry)', 'start']
    else if (workspaces.has(file))
      [role, loaded] = [`workspace: ${workspaces.get(file) ?? ''}`, 'workspace']
    else if (workers.has(file)) [role, loaded] = ['data worker (sql.js, sync engine)', 'worker']
    else if (chunk.kind === 'wasm') [role, loaded] = ['sql.js WebAssembly (data worker)', 'worker']
    else if (chunk.kind === 'font')
      [role, loaded] = ['Inter font (one subset per script)', 'on demand']
    else if (chunk.kind === 'css') [role, loaded] = ['styles', 'start']
    else if (start.has(file)) [role, loaded] = [`main, ${sharedRole(chunk)}`, 'start']
    else if (lazyOwners.has(file))
      [role, loaded] = [`${lazyOwners.get(file) ?? ''}, ${sharedRole(chunk)}`, 'workspace']
    else [role, loaded] = [sharedRole(chunk), 'on demand']
    rows.push({
      file,
      role,
      loaded,
      kB: kB(chunk.bytes),
      gzipKB: kB(chunk.gzipBytes),
      top: top(chunk)
    })
  }
  const startJs = [...start].filter((f) => chunks.get(f)?.kind === 'js')
  const startCss = [...chunks.values()].filter((c) => c.kind === 'css').map((c) => c.file)
  const splitOnlyAtStart = startJs.flatMap((f) =>
    SPLIT_ONLY_PACKAGES.filter((p) => chunks.get(f)?.parts.has(p)).map((p) => `${p} in ${f}`)
  )
  return {
    entry,
    start: {
      jsKB: kB(sum(startJs, chunks, 'bytes')),
      jsGzipKB: kB(sum(startJs, chunks, 'gzipBytes')),
      cssKB: kB(sum(startCss, chunks, 'bytes')),
      files: startJs.length
    },
    workspaces: workspaceFetch,
    splitOnlyAtStart,
    rows
  }
}

function markdown(result: ReturnType<typeof bundleSizes>): string {
  const lines = [
    '| chunk | what it is | loaded | kB | gzip kB | largest parts |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...result.rows.map(
      (r) =>
        `| ${r.file.replace(/-[\w-]{8}\./, '.')} | ${r.role} | ${r.loaded} | ${r.kB.toLocaleString('en')} | ${r.gzipKB.toLocaleString('en')} | ${r.top} |`
    )
  ]
  return `${lines.join('\n')}\n`
}

/** One JSON line (or the Markdown table) for the build in `dir`; says so when there is none. */
export function printBundleSizes(
  dir = resolve(import.meta.dirname, '../out/renderer'),
  asMarkdown = false
): void {
  if (!existsSync(join(dir, 'index.html'))) {
    process.stderr.write(`bundle-sizes: skipped: no build in ${dir} (npm run build:app)\n`)
    return
  }
  const result = bundleSizes(dir)
  if (asMarkdown) {
    process.stdout.write(markdown(result))
    return
  }
  const { rows, ...summary } = result
  emit({ bench: 'bundle-sizes', ...summary, chunks: rows.length })
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = argValue('--dir')
  printBundleSizes(
    dir === undefined ? undefined : resolve(dir),
    process.argv.includes('--markdown')
  )
}
