/**
 * The durable file port of the local store. It mirrors the durable functions of `DesktopApi`
 * (src/shared/contract/desktop-api.ts) so Electron, OPFS and the Node test double all fit it.
 */

/** Flat file storage with the durability guarantees the journal and snapshots rely on. */
export interface DurableFiles {
  /** Appends bytes and resolves only once they are on disk (fdatasync or OPFS `flush()`). */
  append(file: string, bytes: Uint8Array): Promise<void>
  /** Reads a whole file; a missing file reads as empty. */
  read(file: string): Promise<Uint8Array>
  /** Replaces a file atomically: readers see the old bytes or the new ones, never a mix. */
  replace(file: string, bytes: Uint8Array): Promise<void>
  /** Deletes a file if it exists. */
  remove(file: string): Promise<void>
  /** Names of the files that start with `prefix`, in no particular order. */
  list(prefix: string): Promise<string[]>
  /** Releases open handles (OPFS sync handles); the files stay. */
  close(): Promise<void>
}
