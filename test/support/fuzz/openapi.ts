/** The operations of the server's OpenAPI document, as the route fuzz needs them. */
import { z } from 'zod'

import { asJsonSchema, type JsonSchema } from './json-schema'

export interface Parameter {
  name: string
  in: 'query' | 'path'
  required: boolean
  schema: JsonSchema
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** As in the document: `/api/scripts/{scriptId}/versions/{version}/publish`. */
  path: string
  parameters: Parameter[]
  /** The JSON body's schema, when the operation declares one. */
  body: JsonSchema | null
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

const operationSchema = z.object({
  parameters: z
    .array(
      z.object({
        name: z.string(),
        in: z.string(),
        required: z.boolean().optional(),
        schema: z.unknown()
      })
    )
    .optional(),
  requestBody: z
    .object({ content: z.record(z.string(), z.object({ schema: z.unknown() })) })
    .optional()
})

const documentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown()))
})

/** Every operation in the document, in its order. */
export function operationsOf(document: unknown): Operation[] {
  const out: Operation[] = []
  for (const [path, item] of Object.entries(documentSchema.parse(document).paths)) {
    for (const method of METHODS) {
      if (!(method in item)) continue
      const op = operationSchema.parse(item[method])
      const parameters: Parameter[] = []
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query' && p.in !== 'path') continue
        parameters.push({
          name: p.name,
          in: p.in,
          required: p.required ?? p.in === 'path',
          schema: asJsonSchema(p.schema)
        })
      }
      const json = op.requestBody?.content['application/json']
      out.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters,
        body: json ? asJsonSchema(json.schema) : null
      })
    }
  }
  return out
}

/** `POST /api/auth/login`. */
export function operationName(op: Pick<Operation, 'method' | 'path'>): string {
  return `${op.method} ${op.path}`
}

/**
 * Percent-encoding of any JavaScript string, lone surrogates included: `encodeURIComponent`
 * throws on them, a hostile client does not care. A lone surrogate goes as its three
 * (generalised UTF-8) bytes, which are invalid UTF-8 for the server to cope with.
 */
export function percentEncode(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1)
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2))
      i++
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    } else {
      out += encodeURIComponent(text.charAt(i))
    }
  }
  return out
}
