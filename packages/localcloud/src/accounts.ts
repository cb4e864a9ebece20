/** The account every access key belongs to unless it says otherwise. */
export const DEFAULT_ACCOUNT_ID = '123456789012';

const ACCOUNT_IN_KEY = /(\d{12})/;

/**
 * Maps an access key to its account: an explicit mapping first, then a 12-digit run inside the key
 * (STS AssumeRole in the local cloud issues `ASIA<account>…` keys), then the default account.
 */
export function accountForAccessKey(accessKeyId: string, explicit: ReadonlyMap<string, string>): string {
  const mapped = explicit.get(accessKeyId);
  if (mapped) return mapped;
  const match = ACCOUNT_IN_KEY.exec(accessKeyId);
  return match ? match[1]! : DEFAULT_ACCOUNT_ID;
}
