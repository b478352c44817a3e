/**
 * The IPC contract: each channel (`noun:verb`) maps to zod schemas for its single argument
 * object and its result. Main registers handlers only through this map, and a unit test
 * checks that every channel has exactly one handler.
 */
import { z } from 'zod'

/** A durable file name: a flat name, never a path (no separators, no dot-dot). */
export const durableFileName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a flat file name')
  .refine((name) => !name.includes('..'), 'must not contain ..')

// z.custom keeps the plain Uint8Array type of DesktopApi (instanceof infers Uint8Array<ArrayBuffer>).
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be bytes')
const secretKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9._-]+$/)

export const ipcContract = {
  'durable:append': {
    args: z.object({
      file: durableFileName,
      data: bytes.refine((b) => b.byteLength <= 16 * 1024 * 1024)
    }),
    result: z.object({ size: z.number() })
  },
  'durable:read': {
    args: z.object({ file: durableFileName }),
    result: z.object({ data: bytes })
  },
  'durable:replace': {
    args: z.object({ file: durableFileName, data: bytes }),
    result: z.object({ size: z.number() })
  },
  'durable:remove': {
    args: z.object({ file: durableFileName }),
    result: z.object({ removed: z.boolean() })
  },
  'durable:list': {
    args: z.object({
      prefix: z
        .string()
        .max(64)
        .regex(/^[A-Za-z0-9._-]*$/)
    }),
    result: z.object({ files: z.array(z.string()) })
  },
  'secrets:set': {
    args: z.object({ key: secretKey, value: z.string().max(8192) }),
    result: z.object({ stored: z.literal(true) })
  },
  'secrets:get': {
    args: z.object({ key: secretKey }),
    result: z.object({ value: z.string().nullable() })
  },
  'secrets:delete': {
    args: z.object({ key: secretKey }),
    result: z.object({ deleted: z.boolean() })
  },
  'notify:show': {
    args: z.object({
      title: z.string().max(200),
      body: z.string().max(1000),
      focusOnClick: z.boolean()
    }),
    result: z.object({ shown: z.boolean() })
  },
  'app:info': {
    args: z.object({}).strict(),
    result: z.object({
      version: z.string(),
      platform: z.enum(['win32', 'darwin', 'linux', 'browser'])
    })
  }
} as const

export type IpcContract = typeof ipcContract
export type IpcChannel = keyof IpcContract
export type IpcArgs<C extends IpcChannel> = z.infer<IpcContract[C]['args']>
export type IpcResult<C extends IpcChannel> = z.infer<IpcContract[C]['result']>

/** Events main sends to the renderer (past tense). */
export const ipcEvents = {
  dialRequested: 'dial:requested',
  callShortcut: 'call:shortcut'
} as const
