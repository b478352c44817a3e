/** A schema migration: a version, a name and the statements that bring the schema there. */
export interface Migration {
  version: number
  name: string
  statements: readonly string[]
}
