import { maskSecret, type SecretBox } from '@smm/db';
import type { z } from 'zod';
import type { ProviderRow } from '../../../repositories/providers.ts';
import type { providerSchema } from './schemas.ts';

export type ProviderView = z.infer<typeof providerSchema>;

/** The provider as an admin sees it: the key only masked, the password only as "set". */
export function toView(box: SecretBox, { apiKeyEnc, ...row }: ProviderRow): ProviderView {
  let apiKeyMasked: string | null = null;
  try {
    apiKeyMasked = maskSecret(box.decrypt(apiKeyEnc));
  } catch {
    // Encrypted under another SECRETS_KEY (or seeded raw): shown as unreadable, never as is.
  }
  return { ...row, apiKeyMasked };
}
