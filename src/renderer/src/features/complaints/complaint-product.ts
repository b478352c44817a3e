/**
 * Which product or service a new complaint is about: one of the products on the customer's card
 * (picked by code, saved with its name as the card shows it now), or, when the card lists none,
 * a name typed freely.
 */
import type { ComplaintDetails } from '@shared/domain/complaint'

/** What the form holds: the code picked from the card, and the text typed when there is none. */
export interface ProductChoice {
  code: string | null
  text: string
}

export const noProductChoice: ProductChoice = { code: null, text: '' }

type ProductFields = Pick<ComplaintDetails, 'productCode' | 'productName'>

/**
 * The product to save against the card shown now: a picked code counts only if this card holds
 * it (a new call may have brought another customer); the typed text only when the card lists
 * no products.
 */
export function productToSave(
  choice: ProductChoice,
  products: readonly { code: string; name: string }[]
): ProductFields {
  if (products.length > 0) {
    const held = products.find((p) => p.code === choice.code)
    return held
      ? { productCode: held.code, productName: held.name.trim() }
      : { productCode: null, productName: '' }
  }
  return { productCode: null, productName: choice.text.trim() }
}

/** A saved product back in the form (a complaint sent back for correction). */
export function choiceOf(p: ProductFields): ProductChoice {
  return p.productCode === null
    ? { code: null, text: p.productName }
    : { code: p.productCode, text: '' }
}
