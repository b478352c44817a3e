// lint-as: src/server/example.ts
// expect: no-restricted-syntax
// Mutations are dispatched by a HandlerTable: a forgotten handler is then a type error.
export function apply(mutation: { name: string }): number {
  switch (mutation.name) {
    case 'customer.create':
      return 1
    default:
      return 0
  }
}
