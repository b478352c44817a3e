/**
 * `npm run bench`: every benchmark, one JSON line each. Figures go in the README; tests never
 * assert on timings.
 */
import { benchCall } from './bench/call'
import { benchLocalWrite } from './bench/local-write'
import { benchPhone } from './bench/phone'
import { benchSchemaParse } from './bench/schema-parse'
import { benchScreenPop } from './bench/screenpop'
import { benchServerSync } from './bench/server-sync'
import { benchStartup } from './bench/startup'
import { printBundleSizes } from './bundle-sizes'

benchPhone(50_000)
benchSchemaParse()
await benchLocalWrite(2000)
await benchServerSync(40, 50)
// A small cache here; `npm run bench:screenpop -- --customers N` for the figures at scale.
await benchScreenPop({ customers: 20_000, pops: 20, browser: true })
// Call setup through Kamailio: Atiende against a bare SIP.js client (≈1 min).
await benchCall(20)
// Page load → login screen → agent desk in the browser edition, and the bundle's chunks.
await benchStartup({ runs: 10, compare: [] })
printBundleSizes()
