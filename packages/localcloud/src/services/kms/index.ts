import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestContext, ServiceDefinition } from '../../service.ts';
import { checkBlob, checkEnum, invalidKeyUsage, invalidMac, validation } from './errors.ts';
import { createKey, findKey, keyMetadata, MAC_ALGORITHMS, macAlgorithmOf, type StoredKey } from './keys.ts';

/** The key's MAC of `message`, after the checks GenerateMac and VerifyMac share. */
function macOf(input: Record<string, unknown>, ctx: RequestContext): { key: StoredKey; mac: Buffer } {
  if (input.MacAlgorithm === undefined) throw validation('null', 'macAlgorithm', 'Member must not be null');
  checkEnum(input.MacAlgorithm, 'macAlgorithm', MAC_ALGORITHMS);
  // PlaintextType: 1 to 4096 bytes.
  const message = checkBlob(input.Message, 'message', 1, 4096);
  const key = findKey(input.KeyId, ctx);
  if (key.keyUsage !== 'GENERATE_VERIFY_MAC') {
    throw invalidKeyUsage(`${key.arn} key usage is ${key.keyUsage} which is not valid for ${ctx.operation}.`);
  }
  const algorithm = macAlgorithmOf(key);
  if (input.MacAlgorithm !== algorithm) {
    throw invalidKeyUsage(
      `Algorithm ${String(input.MacAlgorithm)} is incompatible with key spec ${key.keySpec}.`,
    );
  }
  const hash = `sha${algorithm!.slice('HMAC_SHA_'.length)}`;
  const mac = createHmac(hash, Buffer.from(key.material, 'base64')).update(message).digest();
  return { key, mac };
}

/** AWS KMS over awsJson1_1 (`X-Amz-Target: TrentService.<Operation>`): the HMAC key operations. */
export function kmsService(): ServiceDefinition {
  return {
    signingName: 'kms',
    protocol: 'awsJson1_1',
    targetPrefix: 'TrentService',
    throttlingErrorCode: 'ThrottlingException',
    internalErrorCode: 'KMSInternalException',
    operations: {
      CreateKey: {
        readOnly: false,
        handler: (input, ctx) => ({ KeyMetadata: keyMetadata(createKey(input, ctx)) }),
      },
      DescribeKey: {
        readOnly: true,
        handler: (input, ctx) => ({ KeyMetadata: keyMetadata(findKey(input.KeyId, ctx)) }),
      },
      GenerateMac: {
        readOnly: true,
        handler: (input, ctx) => {
          const { key, mac } = macOf(input, ctx);
          return { Mac: mac.toString('base64'), MacAlgorithm: input.MacAlgorithm, KeyId: key.arn };
        },
      },
      VerifyMac: {
        readOnly: true,
        handler: (input, ctx) => {
          // The Mac member is a CiphertextType blob: 1 to 6144 bytes.
          const given = checkBlob(input.Mac, 'mac', 1, 6144);
          const { key, mac } = macOf(input, ctx);
          if (given.length !== mac.length || !timingSafeEqual(given, mac)) throw invalidMac();
          return { KeyId: key.arn, MacValid: true, MacAlgorithm: input.MacAlgorithm };
        },
      },
    },
  };
}
