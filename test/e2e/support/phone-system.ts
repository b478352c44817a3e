/**
 * The phone system the softphone specs share: Kamailio from the repo config and a central server
 * that provisions each user's extension on it, plus a scratch folder for tone files and sipp.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { KamailioProcess } from '../../support/kamailio'
import { ServerProcess } from '../../support/server-process'

export interface PhoneSystem {
  kamailio: KamailioProcess
  server: ServerProcess
  /** A private scratch folder, removed by `stop`. */
  dir: string
  stop(): Promise<void>
}

export async function startPhoneSystem(name: string): Promise<PhoneSystem> {
  const dir = mkdtempSync(join(tmpdir(), `atiende-${name}-`))
  const kamailio = await KamailioProcess.create()
  await kamailio.start()
  const server = await ServerProcess.create({ ATIENDE_SIP_WS: kamailio.wsUrl })
  await server.start()
  return {
    kamailio,
    server,
    dir,
    stop: async () => {
      await server.stop()
      await kamailio.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
