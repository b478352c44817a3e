/**
 * What a validator's finding says, as a key and the values it names, beside its English message:
 * the CLI and the server's logs read the message, a UI says the same in its own language from
 * the key (`<code>.<key>` in its translations) and the values. Values are plain text or numbers,
 * shown as text, never markup.
 */
import { z } from 'zod'

export type FindingParams = Readonly<Record<string, string | number>>

export interface FindingDetail {
  key: string
  params: FindingParams
}

/**
 * Per issue code, what each of its kinds of finding names: `{ bad_path: { neverLeads: ['from',
 * 'to'] } }`. A validator's catalog of these is what its translations must cover.
 */
export type FindingCatalog = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>

/** One finding's detail for code `C` of `catalog`: a kind and exactly the values it names. */
export type DetailOf<Catalog extends FindingCatalog, C extends keyof Catalog> = {
  [K in keyof Catalog[C] & string]: {
    key: K
    params: Readonly<Record<Catalog[C][K][number], string | number>>
  }
}[keyof Catalog[C] & string]

/** A detail on the wire (a server's 400): bounded, so a hostile answer cannot flood the list. */
export const findingDetailSchema = z.object({
  key: z.string().max(64),
  params: z.record(z.string().max(64), z.union([z.string().max(2000), z.number()]))
})
