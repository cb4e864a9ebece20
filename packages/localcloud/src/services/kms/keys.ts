import { randomBytes, randomUUID } from 'node:crypto';
import type { RequestContext } from '../../service.ts';
import { checkEnum, notFound, unsupported, validation } from './errors.ts';

/*
 * Enums and lengths from the KMS API model (kms-2014-11-01): KeySpec, KeyUsageType, MacAlgorithmSpec, and
 * KeyIdType (1 to 2048 characters). Only HMAC keys (and plain symmetric keys, which refuse MAC calls) are
 * emulated: that is what snapshot signing needs.
 */
export const KEY_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'SYMMETRIC_DEFAULT',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'SM2',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
] as const;
export const KEY_USAGES = ['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'] as const;
export const MAC_ALGORITHMS = ['HMAC_SHA_224', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const;

/** Each HMAC key spec supports exactly one MAC algorithm, of its own size. */
const HMAC_KEYS: Record<string, { algorithm: string; bytes: number }> = {
  HMAC_224: { algorithm: 'HMAC_SHA_224', bytes: 28 },
  HMAC_256: { algorithm: 'HMAC_SHA_256', bytes: 32 },
  HMAC_384: { algorithm: 'HMAC_SHA_384', bytes: 48 },
  HMAC_512: { algorithm: 'HMAC_SHA_512', bytes: 64 },
};

export interface StoredKey {
  keyId: string;
  arn: string;
  accountId: string;
  keySpec: string;
  keyUsage: string;
  description: string;
  creationDate: number;
  /** Base64 key material; never answered by any operation. */
  material: string;
}

interface KmsState {
  keys: Record<string, StoredKey>;
}

const kmsState = (ctx: RequestContext, accountId = ctx.accountId, region = ctx.region): KmsState =>
  ctx.stateOf(accountId, region).slice<KmsState>('kms', () => ({ keys: {} }));

/** CreateKey: an HMAC key (KeyUsage GENERATE_VERIFY_MAC) or a symmetric encryption key. */
export function createKey(input: Record<string, unknown>, ctx: RequestContext): StoredKey {
  checkEnum(input.KeySpec, 'keySpec', KEY_SPECS);
  checkEnum(input.KeyUsage, 'keyUsage', KEY_USAGES);
  const keySpec = String(input.KeySpec ?? 'SYMMETRIC_DEFAULT');
  const keyUsage = String(input.KeyUsage ?? 'ENCRYPT_DECRYPT');
  const hmac = HMAC_KEYS[keySpec];
  if (hmac && keyUsage !== 'GENERATE_VERIFY_MAC') {
    throw validation(keyUsage, 'keyUsage', `KeyUsage must be GENERATE_VERIFY_MAC for KeySpec ${keySpec}`);
  }
  if (!hmac && keySpec !== 'SYMMETRIC_DEFAULT') {
    throw unsupported(`the local cloud emulates HMAC and SYMMETRIC_DEFAULT keys only, not ${keySpec}`);
  }
  if (!hmac && keyUsage !== 'ENCRYPT_DECRYPT') {
    throw validation(keyUsage, 'keyUsage', `KeyUsage must be ENCRYPT_DECRYPT for KeySpec ${keySpec}`);
  }
  const description = String(input.Description ?? '');
  // DescriptionType: 0 to 8192 characters.
  if (description.length > 8192)
    throw validation(description, 'description', 'Member must have length less than or equal to 8192');
  const keyId = randomUUID();
  const key: StoredKey = {
    keyId,
    arn: `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`,
    accountId: ctx.accountId,
    keySpec,
    keyUsage,
    description,
    creationDate: ctx.now,
    material: randomBytes(hmac?.bytes ?? 32).toString('base64'),
  };
  kmsState(ctx).keys[keyId] = key;
  return key;
}

/** The key a KeyId names: a key id of the caller's account, or a key ARN (of this Region, any account). */
export function findKey(keyId: unknown, ctx: RequestContext): StoredKey {
  if (typeof keyId !== 'string' || keyId === '') throw validation('null', 'keyId', 'Member must not be null');
  if (keyId.length > 2048)
    throw validation(keyId, 'keyId', 'Member must have length less than or equal to 2048');
  const arn = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/.exec(keyId);
  const found = arn
    ? arn[1] === ctx.region
      ? kmsState(ctx, arn[2], arn[1]).keys[arn[3]!]
      : undefined
    : kmsState(ctx).keys[keyId];
  if (!found) throw notFound(arn ? keyId : `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`);
  return found;
}

/** The MAC algorithm of an HMAC key, or undefined for a key that makes no MACs. */
export function macAlgorithmOf(key: StoredKey): string | undefined {
  return HMAC_KEYS[key.keySpec]?.algorithm;
}

/** KeyMetadata as CreateKey and DescribeKey answer it. */
export function keyMetadata(key: StoredKey) {
  const mac = macAlgorithmOf(key);
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate,
    Enabled: true,
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    MultiRegion: false,
    ...(mac ? { MacAlgorithms: [mac] } : { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] }),
  };
}
