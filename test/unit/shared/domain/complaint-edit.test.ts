import { describe, expect, it } from 'vitest'

import {
  complaintUpdateArgsSchema,
  editableValuesOf,
  editsBetween,
  mergeComplaintEdits,
  productEditValue,
  productOfEditValue,
  type EditableValues,
  type FieldEdit,
  type MergeResult
} from '@shared/domain/complaint-edit'

const filed: EditableValues = {
  description: 'Cobro duplicado',
  category: 'billing',
  subcategory: 'duplicate_charge',
  severity: 'medium',
  qualityDimension: 'reliability',
  expected: 'Un cargo',
  received: 'Dos cargos',
  requestedRemedy: 'Devolución',
  product: productEditValue({ productCode: 'FIBER-1G', productName: 'Fibra 1 Gb' }),
  channel: 'phone'
}

const fiber = productEditValue({ productCode: 'FIBER-1G', productName: 'Fibra 1 Gb' })
const mobile = productEditValue({ productCode: 'MOB-PLUS', productName: 'Tarifa móvil ilimitada' })
const tv = productEditValue({ productCode: 'TV-SPORTS', productName: 'Paquete TV deportes' })

type Edit = Pick<FieldEdit, 'field' | 'base' | 'value'>

describe('merging a complaint edit field by field', () => {
  const cases: {
    name: string
    current: Partial<EditableValues>
    edits: Edit[]
    want: MergeResult
  }[] = [
    {
      name: 'disjoint fields: the other side changed severity, this edit the description',
      current: { severity: 'high' },
      edits: [{ field: 'description', base: 'Cobro duplicado', value: 'Cobro triple' }],
      want: {
        apply: [{ field: 'description', from: 'Cobro duplicado', to: 'Cobro triple' }],
        conflicts: []
      }
    },
    {
      name: 'same field, same new value on both sides: nothing to do, no conflict',
      current: { severity: 'high' },
      edits: [{ field: 'severity', base: 'medium', value: 'high' }],
      want: { apply: [], conflicts: [] }
    },
    {
      name: 'same field, different values: a conflict, theirs kept',
      current: { description: 'Cobro repetido (bruno)' },
      edits: [{ field: 'description', base: 'Cobro duplicado', value: 'Cobro doble (ana)' }],
      want: {
        apply: [],
        conflicts: [
          {
            field: 'description',
            base: 'Cobro duplicado',
            theirs: 'Cobro repetido (bruno)',
            yours: 'Cobro doble (ana)'
          }
        ]
      }
    },
    {
      name: 'clearing a field nobody else touched applies',
      current: {},
      edits: [
        { field: 'qualityDimension', base: 'reliability', value: null },
        { field: 'requestedRemedy', base: 'Devolución', value: '' }
      ],
      want: {
        apply: [
          { field: 'qualityDimension', from: 'reliability', to: null },
          { field: 'requestedRemedy', from: 'Devolución', to: '' }
        ],
        conflicts: []
      }
    },
    {
      name: 'a field the other side cleared while this edit changed it is a conflict',
      current: { expected: '' },
      edits: [{ field: 'expected', base: 'Un cargo', value: 'Un solo cargo' }],
      want: {
        apply: [],
        conflicts: [{ field: 'expected', base: 'Un cargo', theirs: '', yours: 'Un solo cargo' }]
      }
    },
    {
      name: 'clearing a field the other side changed is a conflict too',
      current: { subcategory: 'wrong_amount' },
      edits: [{ field: 'subcategory', base: 'duplicate_charge', value: null }],
      want: {
        apply: [],
        conflicts: [
          { field: 'subcategory', base: 'duplicate_charge', theirs: 'wrong_amount', yours: null }
        ]
      }
    },
    {
      name: 'one edit, some fields merge and one conflicts',
      current: { description: 'Otra descripción' },
      edits: [
        { field: 'description', base: 'Cobro duplicado', value: 'Mía' },
        { field: 'severity', base: 'medium', value: 'critical' }
      ],
      want: {
        apply: [{ field: 'severity', from: 'medium', to: 'critical' }],
        conflicts: [
          {
            field: 'description',
            base: 'Cobro duplicado',
            theirs: 'Otra descripción',
            yours: 'Mía'
          }
        ]
      }
    },
    {
      name: 'the product, changed only here, applies as one field (code and name together)',
      current: { channel: 'email' },
      edits: [{ field: 'product', base: fiber, value: mobile }],
      want: { apply: [{ field: 'product', from: fiber, to: mobile }], conflicts: [] }
    },
    {
      name: 'the product changed on both sides to different products: one conflict, theirs kept',
      current: { product: tv },
      edits: [{ field: 'product', base: fiber, value: mobile }],
      want: {
        apply: [],
        conflicts: [{ field: 'product', base: fiber, theirs: tv, yours: mobile }]
      }
    },
    {
      name: 'the channel changed here while the other side changed the product: both stand',
      current: { product: tv },
      edits: [{ field: 'channel', base: 'phone', value: 'chat' }],
      want: { apply: [{ field: 'channel', from: 'phone', to: 'chat' }], conflicts: [] }
    },
    {
      name: 'the channel changed on both sides to different channels: a conflict',
      current: { channel: 'email' },
      edits: [{ field: 'channel', base: 'phone', value: 'in_person' }],
      want: {
        apply: [],
        conflicts: [{ field: 'channel', base: 'phone', theirs: 'email', yours: 'in_person' }]
      }
    },
    {
      name: 'clearing the product nobody else touched applies',
      current: {},
      edits: [{ field: 'product', base: fiber, value: null }],
      want: { apply: [{ field: 'product', from: fiber, to: null }], conflicts: [] }
    }
  ]

  it.each(cases)('$name', ({ current, edits, want }) => {
    expect(mergeComplaintEdits({ ...filed, ...current }, edits)).toEqual(want)
  })

  it('sends only the fields that changed, each with the value the editor saw', () => {
    expect(editsBetween(filed, { ...filed, severity: 'high', qualityDimension: null })).toEqual([
      { field: 'severity', base: 'medium', value: 'high' },
      { field: 'qualityDimension', base: 'reliability', value: null }
    ])
    expect(editsBetween(filed, { ...filed })).toEqual([])
  })

  it('reads the product of a complaint as one value and back, none as null', () => {
    const stored = {
      ...filed,
      productCode: 'FIBER-1G',
      productName: 'Fibra 1 Gb',
      channel: 'phone'
    }
    expect(editableValuesOf(stored).product).toBe('{"code":"FIBER-1G","name":"Fibra 1 Gb"}')
    expect(editableValuesOf({ ...stored, productCode: null, productName: '' }).product).toBeNull()
    expect(productOfEditValue(editableValuesOf(stored).product)).toEqual({
      productCode: 'FIBER-1G',
      productName: 'Fibra 1 Gb'
    })
    expect(
      productOfEditValue(productEditValue({ productCode: null, productName: 'Router' }))
    ).toEqual({ productCode: null, productName: 'Router' })
    expect(productOfEditValue(null)).toEqual({ productCode: null, productName: '' })
  })

  it('checks each new value by its field and refuses a field twice', () => {
    const args = (edits: unknown) => ({
      id: '6f1c2a57-4c1b-4f5e-9a51-2b1d3c4e5f60',
      complaintId: '7f1c2a57-4c1b-4f5e-9a51-2b1d3c4e5f60',
      at: new Date().toISOString(),
      edits
    })
    const ok = complaintUpdateArgsSchema.safeParse(
      args([{ field: 'severity', base: 'low', value: 'high' }])
    )
    expect(ok.success).toBe(true)
    const product = complaintUpdateArgsSchema.safeParse(
      args([
        { field: 'product', base: fiber, value: null },
        { field: 'channel', base: null, value: 'social' }
      ])
    )
    expect(product.success).toBe(true)
    for (const bad of [
      [{ field: 'severity', base: 'low', value: 'urgent' }],
      [{ field: 'description', base: 'abc', value: 'x' }],
      [{ field: 'category', base: 'billing', value: null }],
      [{ field: 'agentId', base: null, value: 'x' }],
      [{ field: 'channel', base: 'phone', value: 'pigeon' }],
      [{ field: 'product', base: null, value: 'Fibra 1 Gb' }],
      [
        {
          field: 'product',
          base: null,
          value: JSON.stringify({ code: 'X', name: 'n'.repeat(121) })
        }
      ],
      [{ field: 'product', base: null, value: JSON.stringify({ code: '', name: 'Fibra' }) }],
      [],
      [
        { field: 'expected', base: '', value: 'a' },
        { field: 'expected', base: '', value: 'b' }
      ]
    ]) {
      expect(complaintUpdateArgsSchema.safeParse(args(bad)).success, JSON.stringify(bad)).toBe(
        false
      )
    }
  })
})
