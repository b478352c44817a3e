/**
 * Zod field schemas for the text rule (see unsafe-text.ts). Every string of the wire contract is
 * one of these, or has a format (uuid, datetime, enum, regex) that admits no unsafe character.
 *
 * - `lineText()` / `multilineText()`: free text, cleaned on parse. Parsing is how the server
 *   reads a push and how the client reads its journal, outbox and pulls, so a record written by
 *   an older version is cleaned when read, never dropped.
 * - `identifierText()`: refused on parse (a per-mutation rejection, a 400), never cleaned.
 *
 * What a person typed is refused before it reaches these schemas: the data worker checks every
 * request from the page with `findUnsafeText` (see request-text-rule.ts in the worker).
 */
import { z } from 'zod'

import { cleanLine, cleanMultiline, identifierFlaw } from './unsafe-text'

/** Single-line free text: unsafe characters removed, tabs and line breaks become spaces. */
export function lineText(): z.ZodString {
  return z.string().overwrite(cleanLine)
}

/** Multi-line free text: unsafe characters removed, CRLF becomes LF. */
export function multilineText(): z.ZodString {
  return z.string().overwrite(cleanMultiline)
}

export const IDENTIFIER_FLAW_MESSAGE =
  'must not contain control characters, line breaks or broken Unicode'

/** An identifier or credential: refused with unsafe characters, tab or line breaks in it. */
export function identifierText(): z.ZodString {
  return z.string().refine((text) => identifierFlaw(text) === null, IDENTIFIER_FLAW_MESSAGE)
}
