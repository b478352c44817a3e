/**
 * Which script leads a call: an ordered list of rules, first match wins, like the routing tables
 * contact-center admins already know. A rule names the script and the conditions it needs; a
 * condition left out matches anything. The last rule is usually the catch-all.
 */
import { z } from 'zod'

import { languages, valueTiers, type Language, type ValueTier } from '../domain/customer'

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _')

export const selectionRuleSchema = z.strictObject({
  script: slug,
  when: z
    .strictObject({
      direction: z.enum(['inbound', 'outbound']).optional(),
      /** The number the customer dialled (DNIS), digits and an optional leading + */
      calledNumbers: z
        .array(z.string().regex(/^\+?\d{2,20}$/))
        .min(1)
        .optional(),
      queues: z.array(slug).min(1).optional(),
      campaigns: z.array(slug).min(1).optional(),
      tiers: z.array(z.enum(valueTiers)).min(1).optional(),
      languages: z.array(z.enum(languages)).min(1).optional()
    })
    .default({})
})
export type SelectionRule = z.infer<typeof selectionRuleSchema>

export const selectionRulesSchema = z.strictObject({
  rules: z.array(selectionRuleSchema).min(1).max(500)
})

/** What is known about the call when the script is chosen. */
export interface SelectionContext {
  direction: 'inbound' | 'outbound'
  calledNumber: string | null
  queue: string | null
  campaign: string | null
  /** Null for an unknown caller: a rule on tiers never matches them. */
  tier: ValueTier | null
  language: Language
}

const digits = (n: string): string => n.replace(/\D/g, '')

function matches(rule: SelectionRule, call: SelectionContext): boolean {
  const w = rule.when
  if (w.direction && w.direction !== call.direction) return false
  if (w.calledNumbers) {
    const called = call.calledNumber ? digits(call.calledNumber) : ''
    // 912345678 and +34912345678 are the same DNIS written two ways; short codes match exactly.
    const same = (n: string) => {
      const rule = digits(n)
      if (rule === called) return true
      return (
        Math.min(rule.length, called.length) >= 6 &&
        (called.endsWith(rule) || rule.endsWith(called))
      )
    }
    if (!w.calledNumbers.some(same)) return false
  }
  if (w.queues && (!call.queue || !w.queues.includes(call.queue))) return false
  if (w.campaigns && (!call.campaign || !w.campaigns.includes(call.campaign))) return false
  if (w.tiers && (!call.tier || !w.tiers.includes(call.tier))) return false
  if (w.languages && !w.languages.includes(call.language)) return false
  return true
}

/**
 * The id of the first rule's script that matches and is available, or null when none does
 * (the agent then picks one by hand).
 */
export function selectScript(
  rules: readonly SelectionRule[],
  call: SelectionContext,
  available: ReadonlySet<string>
): string | null {
  return rules.find((r) => available.has(r.script) && matches(r, call))?.script ?? null
}
