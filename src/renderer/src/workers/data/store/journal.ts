/**
 * The write-ahead journal of the local store: one JSON line per mutation in files
 * `<prefix>-journal-<generation>.jsonl`.
 *
 * @remarks
 * Algorithm:
 * - Append: one line (JSON + `\n`) per mutation, made durable (fdatasync / OPFS `flush()`)
 *   before the write is acknowledged.
 * - Rotate: a snapshot starts a new generation; new appends go to the new file. A journal file is
 *   never truncated: old generations are deleted only after a durable snapshot covers them (the
 *   truncate-while-appending bug erased acknowledged entries).
 * - Open: every process start appends to a fresh generation, so a torn tail left by a crash is
 *   never glued to a new line.
 * - Replay: a last line without its newline was torn by a crash mid-write; it was never
 *   acknowledged, so it is skipped and counted. A complete line the schema refuses is kept as
 *   unreadable (see {@link UnreadableLine}); only a line that is not a named entry is corrupt.
 */
import type { AppError } from '@shared/contract/errors'
import type { Mutation } from '@shared/sync/protocol'

import type { DurableFiles } from './durable-files'
import { readStoredMutation } from './unreadable-entry'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * A complete line naming a mutation (`id` and `name`) that this build's schema refuses, say an
 * identifier with a control character written by an older version. It is kept, with its raw
 * args and why, so replay queues it as rejected where the user sees it, instead of losing it.
 */
export interface UnreadableLine {
  id: string
  name: string
  args: unknown
  reason: AppError
}

/** What a replay of one journal file found. */
export interface ParsedJournal {
  mutations: Mutation[]
  unreadable: UnreadableLine[]
  /** 1 when the file ends in a line without its newline (a crash mid-append). */
  tornLines: number
  /** Complete lines that are not even a named entry (should never happen; counted, not fatal). */
  corruptLines: number
}

/** Splits journal bytes into mutations, ignoring a torn last line. */
export function parseJournal(bytes: Uint8Array): ParsedJournal {
  const text = decoder.decode(bytes)
  const lines = text.split('\n')
  // After the final newline split() leaves '' behind; anything else there is a torn line.
  const tail = lines.pop() ?? ''
  const parsed: ParsedJournal = {
    mutations: [],
    unreadable: [],
    tornLines: tail === '' ? 0 : 1,
    corruptLines: 0
  }
  for (const line of lines) {
    if (line === '') continue
    const entry = parseLine(line)
    if (entry === null) parsed.corruptLines++
    else if ('reason' in entry) parsed.unreadable.push(entry)
    else parsed.mutations.push(entry)
  }
  return parsed
}

function parseLine(line: string): Mutation | UnreadableLine | null {
  let entry: unknown
  try {
    entry = JSON.parse(line)
  } catch {
    return null
  }
  const read = readStoredMutation(entry)
  if (read.kind === 'mutation') return read.mutation
  if (typeof entry !== 'object' || entry === null) return null
  const id = 'id' in entry ? entry.id : undefined
  const name = 'name' in entry ? entry.name : undefined
  if (typeof id !== 'string' || typeof name !== 'string') return null
  return { id, name, args: 'args' in entry ? entry.args : null, reason: read.reason }
}

/** Encodes one journal line. */
export function encodeJournalLine(mutation: Mutation): Uint8Array {
  return encoder.encode(`${JSON.stringify(mutation)}\n`)
}

/** The journal files of one store and the generation new appends go to. */
export class Journal {
  private generation = 1

  constructor(
    private readonly files: DurableFiles,
    private readonly prefix: string
  ) {}

  /** File name of a generation; zero-padded so names sort like numbers. */
  fileName(generation: number): string {
    return `${this.prefix}${String(generation).padStart(8, '0')}.jsonl`
  }

  /** Generations present on disk, oldest first. */
  async listGenerations(): Promise<number[]> {
    const names = await this.files.list(this.prefix)
    const generations: number[] = []
    for (const name of names) {
      const match = /^(\d{8})\.jsonl$/.exec(name.slice(this.prefix.length))
      if (match?.[1] !== undefined) generations.push(Number(match[1]))
    }
    return generations.sort((a, b) => a - b)
  }

  async read(generation: number): Promise<ParsedJournal> {
    return parseJournal(await this.files.read(this.fileName(generation)))
  }

  get currentGeneration(): number {
    return this.generation
  }

  /** Chooses the generation new appends go to (a fresh one at every open). */
  startAt(generation: number): void {
    this.generation = generation
  }

  /** Appends one mutation and resolves once it is durable. */
  async append(mutation: Mutation): Promise<void> {
    await this.files.append(this.fileName(this.generation), encodeJournalLine(mutation))
  }

  /** Starts the next generation and returns it; the previous file is left untouched. */
  rotate(): number {
    this.generation++
    return this.generation
  }

  /** Deletes generations older than `generation` (a durable snapshot covers them). */
  async removeBefore(generation: number): Promise<number> {
    const old = (await this.listGenerations()).filter((g) => g < generation)
    for (const g of old) await this.files.remove(this.fileName(g))
    return old.length
  }
}
