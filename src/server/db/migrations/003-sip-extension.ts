/**
 * Each user may have a SIP extension on the company's proxy; the softphone registers as
 * `sip:<extension>@<ATIENDE_SIP_DOMAIN>`. The password is null where the proxy does not
 * authenticate (the reference Kamailio config).
 */
import type { Migration } from './migration'

export const migration003SipExtension: Migration = {
  version: 3,
  name: 'sip-extension',
  statements: [
    `ALTER TABLE users ADD COLUMN sip_extension text UNIQUE`,
    `ALTER TABLE users ADD COLUMN sip_password text`
  ]
}
