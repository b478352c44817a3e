/**
 * The axe rules the accessibility spec lets pass, each for one part of the page and for a reason
 * someone reviewed. Nothing else is ever disabled: a new entry needs a rule id, the narrowest
 * selector that holds the offending nodes, and why it is not a barrier (or which issue fixes it).
 * An entry applies to a violation's node when the node is inside (or is) an element matching
 * `scope`; the rule still runs everywhere else.
 */
export interface AxeAllowance {
  /** The axe rule id, e.g. 'color-contrast'. */
  readonly rule: string
  /** A CSS selector: the allowance covers nodes inside or matching it. */
  readonly scope: string
  /** Why this is acceptable, and who reviewed it. */
  readonly why: string
}

export const axeAllowlist: readonly AxeAllowance[] = []
