/**
 * The product or service and the channel of a complaint on the server: stored on create (a
 * single insert and the group-commit batch alike), pulled back, edited as whole fields (the
 * product's code and name together, a conflict when both sides picked another product), and
 * an invalid channel or product refused as invalid_argument naming the field.
 */
import { randomUUID } from 'node:crypto'

import { beforeAll, expect, it } from 'vitest'

import { complaintSchema, type Complaint } from '@shared/domain/complaint'
import { productEditValue } from '@shared/domain/complaint-edit'
import { describeOnEngines } from '@support/engine-suite'
import {
  complaintArgs,
  complaintMutation,
  login,
  pull,
  pullAll,
  push
} from '../../support/server-app'

interface Row {
  product_code: string | null
  product_name: string
  channel: string | null
}

const fiber = { productCode: 'FIBER-1G', productName: 'Fibra 1 Gb' }
const mobile = { productCode: 'MOB-PLUS', productName: 'Tarifa móvil ilimitada' }
const tv = { productCode: 'TV-SPORTS', productName: 'Paquete TV deportes' }

describeOnEngines('complaint product and channel on %s', { customers: 2 }, ({ database, app }) => {
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    for (const user of ['ana', 'bruno']) tokens[user] = (await login(app, user)).accessToken
  })

  const token = (user: string): string => tokens[user] ?? ''
  const stored = async (id: string): Promise<Row | undefined> =>
    (
      await database.db.query<Row>(
        'SELECT product_code, product_name, channel FROM complaints WHERE id = $1',
        [id]
      )
    )[0]
  const pulled = async (cursor: number, id: string): Promise<Complaint | undefined> =>
    (await pullAll(app, token('ana'), cursor)).changes
      .filter((c) => c.entity === 'complaint')
      .map((c) => complaintSchema.parse(c.data))
      .filter((c) => c.id === id)
      .at(-1)

  it('stores a product from the card and the channel, and sends them back', async () => {
    const before = await pull(app, token('ana'), 0, 1)
    const args = complaintArgs({ ...fiber, channel: 'phone' })
    const { results } = await push(app, token('ana'), [complaintMutation(args)])
    expect(results[0]?.status).toBe('applied')
    expect(await stored(args.id)).toEqual({
      product_code: 'FIBER-1G',
      product_name: 'Fibra 1 Gb',
      channel: 'phone'
    })
    expect(await pulled(before.cursor, args.id)).toMatchObject({ ...fiber, channel: 'phone' })
  })

  it('stores them in a batch too: a typed name without a code, and an old outbox without either', async () => {
    const before = await pull(app, token('ana'), 0, 1)
    const typed = complaintArgs({ productName: 'Router prestado', channel: 'in_person' })
    const old = complaintArgs()
    const { results } = await push(app, token('ana'), [typed, old].map(complaintMutation))
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(await stored(typed.id)).toEqual({
      product_code: null,
      product_name: 'Router prestado',
      channel: 'in_person'
    })
    expect(await stored(old.id)).toEqual({ product_code: null, product_name: '', channel: null })
    expect(await pulled(before.cursor, typed.id)).toMatchObject({
      productCode: null,
      productName: 'Router prestado',
      channel: 'in_person'
    })
    expect(await pulled(before.cursor, old.id)).toMatchObject({
      productCode: null,
      productName: '',
      channel: null
    })
  })

  // A bad mutation is refused on its own (invalid_argument, the 400 of the protocol) so the rest
  // of the batch still applies; only a malformed push body is an HTTP 400.
  it('refuses an unknown channel or an over-long product, naming the field; the rest applies', async () => {
    const badChannel = complaintArgs({ channel: 'pigeon' })
    const longName = complaintArgs({ productName: 'x'.repeat(121) })
    const good = complaintArgs({ channel: 'web' })
    const { results } = await push(
      app,
      token('ana'),
      [badChannel, longName, good].map(complaintMutation)
    )
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'applied'])
    expect(results[0]).toMatchObject({ reason: { code: 'invalid_argument' } })
    expect(JSON.stringify(results[0])).toContain('channel')
    expect(results[1]).toMatchObject({ reason: { code: 'invalid_argument' } })
    expect(JSON.stringify(results[1])).toContain('productName')
    expect(await stored(badChannel.id)).toBeUndefined()
    expect(await stored(longName.id)).toBeUndefined()
    expect((await stored(good.id))?.channel).toBe('web')
  })

  it('edits the product as one field and the channel; both sides picking another product is a conflict', async () => {
    const args = complaintArgs({ ...fiber, channel: 'phone' })
    expect((await push(app, token('ana'), [complaintMutation(args)])).results[0]?.status).toBe(
      'applied'
    )
    const edit = (edits: unknown[]) => ({
      id: randomUUID(),
      name: 'complaint.update',
      args: { id: randomUUID(), complaintId: args.id, edits, at: new Date().toISOString() }
    })
    const base = productEditValue(fiber)
    // Bruno moves it to the TV package; ana, who still saw the fibre, to the mobile plan and chat.
    const bruno = await push(app, token('bruno'), [
      edit([{ field: 'product', base, value: productEditValue(tv) }])
    ])
    expect(bruno.results[0]?.status).toBe('applied')
    const ana = await push(app, token('ana'), [
      edit([
        { field: 'product', base, value: productEditValue(mobile) },
        { field: 'channel', base: 'phone', value: 'chat' }
      ])
    ])
    expect(ana.results[0]).toMatchObject({
      status: 'conflict',
      conflicts: [
        {
          field: 'product',
          base,
          theirs: productEditValue(tv),
          yours: productEditValue(mobile)
        }
      ]
    })
    // Code and name stayed together: bruno's product whole, ana's channel merged.
    expect(await stored(args.id)).toEqual({
      product_code: 'TV-SPORTS',
      product_name: 'Paquete TV deportes',
      channel: 'chat'
    })
    // "Use mine": ana sends hers again on top of theirs; clearing works the same way.
    const mine = await push(app, token('ana'), [
      edit([{ field: 'product', base: productEditValue(tv), value: productEditValue(mobile) }])
    ])
    expect(mine.results[0]?.status).toBe('applied')
    expect(await stored(args.id)).toMatchObject({
      product_code: 'MOB-PLUS',
      product_name: 'Tarifa móvil ilimitada'
    })
    const cleared = await push(app, token('ana'), [
      edit([{ field: 'product', base: productEditValue(mobile), value: null }])
    ])
    expect(cleared.results[0]?.status).toBe('applied')
    expect(await stored(args.id)).toMatchObject({ product_code: null, product_name: '' })
  })

  it('refuses an edit to an unknown channel or a product that is not code and name', async () => {
    const args = complaintArgs({ channel: 'phone' })
    await push(app, token('ana'), [complaintMutation(args)])
    for (const edits of [
      [{ field: 'channel', base: 'phone', value: 'fax' }],
      [{ field: 'product', base: null, value: 'Fibra 1 Gb' }]
    ]) {
      const { results } = await push(app, token('ana'), [
        {
          id: randomUUID(),
          name: 'complaint.update',
          args: { id: randomUUID(), complaintId: args.id, edits, at: new Date().toISOString() }
        }
      ])
      expect(results[0], JSON.stringify(edits)).toMatchObject({
        status: 'rejected',
        reason: { code: 'invalid_argument' }
      })
    }
    expect(await stored(args.id)).toMatchObject({ channel: 'phone', product_code: null })
  })
})
