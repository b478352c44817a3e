/**
 * A value parsed from a storage item, parsed again only when the item's text changes: settings
 * read on every ring stay cheap, and a save here or in another window is seen at the next read.
 */
export function parsedByText<T>(): (storage: Storage, text: string | null, parse: () => T) => T {
  const last = new WeakMap<Storage, { text: string | null; value: T }>()
  return (storage, text, parse) => {
    const seen = last.get(storage)
    if (seen !== undefined && seen.text === text) return seen.value
    const value = parse()
    last.set(storage, { text, value })
    return value
  }
}
