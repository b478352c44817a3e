/**
 * The centre's monitoring policy, set by an admin and synced to every desk as the setting
 * `monitoring_policy`: which method, which role may use which mode, whether the agent is told
 * when only listened to, and the PBX's feature codes when the PBX monitors.
 */
import { z } from 'zod'

import { monitorModes, type MonitorMode } from './monitoring'

const modeList = z.array(z.enum(monitorModes)).max(3)

/** A dial string with `{extension}` where the agent's extension goes, e.g. `*222{extension}`. */
export const pbxDialStringSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[0-9*#+A-Za-z@.:_-]*\{extension\}[0-9*#+A-Za-z@.:_-]*$/, {
    message: 'needs {extension} once, and only dial characters around it'
  })

/** DTMF digits the PBX reads to switch into a mode mid-session (null: the PBX has no key). */
export const pbxSwitchKeySchema = z
  .string()
  .regex(/^[0-9A-D*#]{1,4}$/, { message: 'DTMF digits only (0-9, *, #, A-D)' })
  .nullable()

export const monitoringPolicySchema = z.object({
  method: z.enum(['builtin', 'pbx']),
  /** The modes each role may use; leads only on their own team. */
  permissions: z.object({ team_lead: modeList, admin: modeList }),
  /** The agent sees "being listened to" in listen mode; whisper and barge are always shown. */
  agentSeesListen: z.boolean(),
  pbx: z.object({
    dial: z.object({
      listen: pbxDialStringSchema,
      whisper: pbxDialStringSchema,
      barge: pbxDialStringSchema
    }),
    switchKeys: z.object({
      listen: pbxSwitchKeySchema,
      whisper: pbxSwitchKeySchema,
      barge: pbxSwitchKeySchema
    }),
    dtmfMethod: z.enum(['auto', 'rfc4733', 'info'])
  })
})
export type MonitoringPolicy = z.infer<typeof monitoringPolicySchema>

/**
 * Until an admin sets one: built in, leads and admins every mode, the agent told. The PBX codes are
 * Asterisk ChanSpy's usual ones (`*222` listen, `*223` whisper, `*224` barge; keys 4, 5, 6).
 */
export const DEFAULT_MONITORING_POLICY: MonitoringPolicy = {
  method: 'builtin',
  permissions: { team_lead: ['listen', 'whisper', 'barge'], admin: ['listen', 'whisper', 'barge'] },
  agentSeesListen: true,
  pbx: {
    dial: { listen: '*222{extension}', whisper: '*223{extension}', barge: '*224{extension}' },
    switchKeys: { listen: '4', whisper: '5', barge: '6' },
    dtmfMethod: 'auto'
  }
}

/** The modes `role` may use under `policy` (none for agents and trainers). */
export function permittedModes(policy: MonitoringPolicy, role: string): MonitorMode[] {
  if (role === 'team_lead') return [...policy.permissions.team_lead]
  if (role === 'admin') return [...policy.permissions.admin]
  return []
}

/** The PBX dial string for `mode` with the agent's extension in place. */
export function pbxDialString(
  policy: MonitoringPolicy,
  mode: MonitorMode,
  extension: string
): string {
  return policy.pbx.dial[mode].replace('{extension}', extension)
}
