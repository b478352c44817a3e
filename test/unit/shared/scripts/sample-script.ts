/** One script that exercises every node kind, jumps, mandatory steps and branches. */
export const sampleYaml = `
id: test-script
version: 3
title: { es: Prueba, en: Test }
start: hello
dispositions:
  - { code: done, label: { es: Hecho, en: Done } }
  - { code: sold, label: { es: Vendido, en: Sold } }
  - { code: escalated, label: { es: Escalado, en: Escalated } }
queues: [support]
jumps:
  - { id: price, label: { es: Precio, en: Price }, start: price-say }
  - { id: faq, label: { es: FAQ, en: FAQ }, start: faq-say }
nodes:
  - id: hello
    kind: say
    title: { es: Saludo, en: Greeting }
    text: { es: 'Hola {{customer.firstName}}', en: 'Hello {{customer.firstName}}' }
    next: legal
  - id: legal
    kind: say
    mandatory: true
    text: { es: Aviso legal, en: Legal notice }
    next: reason
  - id: reason
    kind: ask
    prompt: { es: ¿Motivo?, en: Reason? }
    answer:
      type: choice
      options:
        - { value: buy, label: { es: Comprar, en: Buy }, next: offer }
        - { value: complain, label: { es: Quejarse, en: Complain } }
        - { value: other, label: { es: Otro, en: Other } }
    next: route
  - id: route
    kind: branch
    rules:
      - when: { answer: reason, op: eq, value: complain }
        next: detail
      - when: { all: [{ tier: [high_yield] }, { timeOfDay: { from: '09:00', to: '18:00' } }] }
        next: vip
    default: age
  - id: vip
    kind: action
    text: { es: Transferir, en: Transfer }
    action: { type: transfer, queue: support }
    next: finish
  - id: age
    kind: ask
    prompt: { es: ¿Edad?, en: Age? }
    answer: { type: number, min: 18, max: 120, integer: true }
    optional: true
    next: satisfied
  - id: satisfied
    kind: ask
    prompt: { es: '¿Satisfecho, {{customer.firstName}}?', en: 'Satisfied?' }
    answer: { type: yes_no }
    next: finish
  - id: detail
    kind: ask
    prompt: { es: Detalle, en: Detail }
    answer: { type: text, maxLength: 50 }
    next: complaint
  - id: complaint
    kind: action
    action:
      type: create_complaint
      category: billing
      description: { es: 'Queja: {{answers.detail}}', en: 'Complaint: {{answers.detail}}' }
    next: escalate
  - id: escalate
    kind: end
    outcome: escalated
  - id: offer
    kind: action
    text: { es: Ofrecer, en: Offer }
    action: { type: offer_product, product: next_best_offer }
    next: sold
  - id: sold
    kind: end
    text: { es: 'Vendido: {{answers.reason}}', en: 'Sold: {{answers.reason}}' }
    outcome: sold
  - id: finish
    kind: end
    outcome: done
  - id: price-say
    kind: say
    text: { es: Es barato, en: It is cheap }
    next: price-ask
  - id: price-ask
    kind: ask
    prompt: { es: ¿Convencido?, en: Convinced? }
    answer: { type: rating, scale: 0-10 }
  - id: faq-say
    kind: say
    text: { es: Horario 9-18, en: Open 9-18 }
`
