import { describe, expect, it } from 'vitest'

import { answerLabel, nodeLabel, stepInto } from '@shared/scripts/node-label'

import { sample } from '../practice/support'

describe('a script step in a few words', () => {
  const { script } = sample('win-back-high-value')

  it('is the title when the step has one, in the language asked', () => {
    expect(nodeLabel(script, 'category', 'es')).toBe('Tipo')
    expect(nodeLabel(script, 'category', 'en')).toBe('Type')
  })

  it('is the first sentence of what it says or asks, placeholders as an ellipsis', () => {
    expect(nodeLabel(script, 'acknowledge', 'es')).toBe('Lamento lo ocurrido, …')
    expect(nodeLabel(script, 'severity', 'en')).toBe('From 1 to 5, how much has this affected you?')
    expect(nodeLabel(script, 'escalate', 'es', 40)).toBe('Impacto alto o cliente de alto valor…')
  })

  it('joins the next sentence to a greeting that is only a name to fill', () => {
    const retention = sample('retention-objections').script
    expect(nodeLabel(retention, 'intro', 'es')).toBe(
      'Hola, … Le llamo de Atiende para revisar sus servicios.'
    )
    expect(nodeLabel(retention, 'intro', 'en', 30)).toBe('Hello, … I am calling from…')
  })

  it('is null for a route or an unknown step', () => {
    expect(nodeLabel(script, 'pick-category', 'es')).toBeNull()
    expect(nodeLabel(script, 'no-such-step', 'es')).toBeNull()
  })

  it('finds the one step that leads into a route (the question it decides on)', () => {
    const retention = sample('retention-objections').script
    expect(stepInto(retention, 'risk-route')).toBe('satisfaction')
    expect(nodeLabel(retention, 'satisfaction', 'es')).toMatch(/^Del 0 al 10/)
    expect(stepInto(retention, 'no-such-step')).toBeNull()
  })

  it('names a choice answer by its option, and leaves other answers as recorded', () => {
    expect(answerLabel(script, 'category', 'billing', 'es')).toBe('Facturación')
    expect(answerLabel(script, 'category', 'billing', 'en')).toBe('Billing')
    expect(answerLabel(script, 'severity', 4, 'es')).toBe('4')
    expect(answerLabel(script, 'acknowledge', 'x', 'es')).toBeNull()
  })
})
