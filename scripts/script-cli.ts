/**
 * `npm run script -- validate [--json] <file...>`: checks call scripts (YAML or JSON) and prints
 * every problem with its file, line, node id and code. Exits 1 when any script has a problem,
 * 2 on bad usage, so CI and authoring tools can rely on the status.
 *
 * `npm run script -- upload <file> --server <url> --user <name> [--publish]` (password in
 * ATIENDE_PASSWORD): puts a version on the central server; exits 1 when the server refuses it.
 */

import { formatReport, formatReportJson, type FileReport } from '@shared/scripts/format-issues'
import { checkScriptSource } from '@shared/scripts/script-source'
import { readLocatedFile } from './read-located-file'
import { uploadScript } from './script-upload'

const usage =
  'usage: npm run script -- validate [--json] <file...>\n' +
  '       npm run script -- upload <file> --server <url> --user <name> [--publish]\n'

function readReport(file: string): FileReport {
  return readLocatedFile(
    file,
    (text) => checkScriptSource(text).issues,
    (finding) => ({ ...finding, nodeId: null, path: [] })
  )
}

function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

function usageError(): never {
  process.stderr.write(usage)
  process.exit(2)
}

async function upload(args: readonly string[]): Promise<void> {
  const file = args[0]
  const server = flag(args, '--server')
  const user = flag(args, '--user')
  const password = process.env['ATIENDE_PASSWORD']
  if (!file || file.startsWith('--') || !server || !user) usageError()
  if (!password) {
    process.stderr.write('set ATIENDE_PASSWORD to the password of --user\n')
    process.exit(2)
  }
  try {
    const lines = await uploadScript({
      file,
      server,
      user,
      password,
      publish: args.includes('--publish')
    })
    process.stdout.write(`${lines.join('\n')}\n`)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}

function validate(args: readonly string[]): void {
  const json = args.includes('--json')
  const files = args.filter((a) => a !== '--json')
  if (files.length === 0) usageError()
  const reports = files.map(readReport)
  process.stdout.write(json ? formatReportJson(reports) : formatReport(reports))
  process.exitCode = reports.some((r) => r.issues.length > 0) ? 1 : 0
}

const [command, ...rest] = process.argv.slice(2)
if (command === 'validate') validate(rest)
else if (command === 'upload') await upload(rest)
else usageError()
