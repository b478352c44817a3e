/**
 * One handler per member of a tagged union (mutations by `name`, pulled changes by `entity`),
 * as a table instead of a switch: a member added without its handler fails the typecheck, where
 * a switch with a default would only surprise at run time.
 */

/** The handler of every member of `U`, keyed by the member's tag `K`. */
export type HandlerTable<U, K extends keyof U, C, R> = {
  [T in U[K] & string]: (ctx: C, item: Extract<U, Record<K, T>>) => R
}

/** Runs the handler `table` has for `item`'s tag. */
export function runHandler<U, K extends keyof U, C, R>(
  table: HandlerTable<U, K, C, R>,
  tag: K,
  ctx: C,
  item: U
): R {
  // Sound: the table's entry for a tag takes exactly the member carrying that tag.
  const handler = table[item[tag] as U[K] & string] as unknown as (ctx: C, item: U) => R
  return handler(ctx, item)
}
