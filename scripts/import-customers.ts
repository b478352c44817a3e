/**
 * `npm run import:customers -- --file customers.csv [--country ES]`: imports a customer CSV
 * straight into the server's database (the same ATIENDE_DATA_DIR / DATABASE_URL as the server;
 * stop an embedded-database server first, PGlite allows one process). Prints the report as JSON
 * and exits 1 when any row was rejected.
 */
import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'

import { getCountries } from 'libphonenumber-js'

import { readConfig } from '@server/config'
import { migrate } from '@server/db/migrate'
import { openDb } from '@server/db/open-db'
import { importCustomersCsv } from '@server/customers/import/import-customers'
import type { CountryCode } from '@shared/phone/normalize'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function country(value: string): CountryCode {
  const found = getCountries().find((c) => c === value.toUpperCase())
  if (!found) throw new Error(`--country ${value} is not an ISO 3166 country code`)
  return found
}

const file = arg('file')
if (!file) {
  process.stderr.write('usage: npm run import:customers -- --file customers.csv [--country ES]\n')
  process.exit(2)
}
const config = readConfig(process.env)
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
try {
  await migrate(db)
  const report = await importCustomersCsv(
    db,
    readFileSync(file, 'utf8'),
    country(arg('country') ?? 'ES'),
    {
      userId: null,
      username: `cli:${userInfo().username}`
    }
  )
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  process.exitCode = report.rejected > 0 ? 1 : 0
} finally {
  await db.close()
}
