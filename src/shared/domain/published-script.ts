/**
 * A script version as the server distributes it: the source text exactly as uploaded (YAML or
 * JSON), so the client validates it with the same parser the CLI and the server use, and the
 * version the run records name.
 */
import { z } from 'zod'

/** Far above any real script (the samples are under 10 KB); a runaway upload stops here. */
export const MAX_SCRIPT_SOURCE_BYTES = 256 * 1024

export const scriptVersionStatuses = ['draft', 'published'] as const

export const publishedScriptSchema = z.object({
  scriptId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  version: z.int().min(1),
  source: z.string().max(MAX_SCRIPT_SOURCE_BYTES),
  publishedAt: z.iso.datetime()
})
export type PublishedScript = z.infer<typeof publishedScriptSchema>

export const scriptVersionSchema = z.object({
  scriptId: z.string(),
  version: z.number(),
  status: z.enum(scriptVersionStatuses),
  uploadedAt: z.string(),
  publishedAt: z.string().nullable()
})
export type ScriptVersion = z.infer<typeof scriptVersionSchema>
