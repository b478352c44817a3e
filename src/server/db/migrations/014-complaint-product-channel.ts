/**
 * What the complaint is about and where it came in: the product or service (the code of one of
 * the customer's products, or none when typed freely, and its name as it was then) and the
 * channel. Older rows have no product and no channel (null: not asked then).
 */
import type { Migration } from './migration'

export const migration014ComplaintProductChannel: Migration = {
  version: 14,
  name: 'complaint-product-channel',
  statements: [
    `ALTER TABLE complaints
       ADD COLUMN product_code text CHECK (char_length(product_code) BETWEEN 1 AND 32),
       ADD COLUMN product_name text NOT NULL DEFAULT ''
         CHECK (char_length(product_name) <= 120),
       ADD COLUMN channel text
         CHECK (channel IN ('phone', 'email', 'chat', 'web', 'in_person', 'social', 'other'))`
  ]
}
