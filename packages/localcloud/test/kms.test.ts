import {
  CreateKeyCommand,
  DescribeKeyCommand,
  GenerateMacCommand,
  KMSClient,
  VerifyMacCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

const message = new TextEncoder().encode('sha256:0123');

describe('local cloud KMS (HMAC keys) through the real SDK', () => {
  let cloud: LocalCloud;
  let kms: KMSClient;
  let keyArn: string;
  beforeAll(async () => {
    cloud = await startTestCloud();
    kms = new KMSClient({
      region: 'us-east-1',
      endpoint: cloud.endpoint,
      credentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    const created = await kms.send(
      new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }),
    );
    keyArn = created.KeyMetadata!.Arn!;
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('creates an HMAC_256 key that DescribeKey answers with its one MAC algorithm', async () => {
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: keyArn }));

    expect(keyArn).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\/[0-9a-f-]{36}$/);
    expect(KeyMetadata).toMatchObject({
      KeySpec: 'HMAC_256',
      KeyUsage: 'GENERATE_VERIFY_MAC',
      MacAlgorithms: ['HMAC_SHA_256'],
      KeyState: 'Enabled',
    });
  });

  it('GenerateMac then VerifyMac accepts the MAC, by key ARN or key id', async () => {
    const { Mac } = await kms.send(
      new GenerateMacCommand({ KeyId: keyArn, MacAlgorithm: 'HMAC_SHA_256', Message: message }),
    );
    const keyId = keyArn.split('/').pop()!;

    const verified = await kms.send(
      new VerifyMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: message, Mac }),
    );

    expect(Mac).toHaveLength(32);
    expect(verified).toMatchObject({ MacValid: true, KeyId: keyArn });
  });

  it('VerifyMac of another message is KMSInvalidMacException', async () => {
    const { Mac } = await kms.send(
      new GenerateMacCommand({ KeyId: keyArn, MacAlgorithm: 'HMAC_SHA_256', Message: message }),
    );
    const other = new TextEncoder().encode('sha256:0124');

    await expect(
      kms.send(new VerifyMacCommand({ KeyId: keyArn, MacAlgorithm: 'HMAC_SHA_256', Message: other, Mac })),
    ).rejects.toMatchObject({ name: 'KMSInvalidMacException' });
  });

  it('refuses what KMS refuses, with its error types', async () => {
    const symmetric = await kms.send(new CreateKeyCommand({}));
    const mac = (KeyId: string, MacAlgorithm: 'HMAC_SHA_256' | 'HMAC_SHA_512' = 'HMAC_SHA_256') =>
      kms.send(new GenerateMacCommand({ KeyId, MacAlgorithm, Message: message }));

    await expect(mac('1234abcd-12ab-34cd-56ef-1234567890ab')).rejects.toMatchObject({
      name: 'NotFoundException',
    });
    await expect(mac(symmetric.KeyMetadata!.KeyId!)).rejects.toMatchObject({
      name: 'InvalidKeyUsageException',
    });
    await expect(mac(keyArn, 'HMAC_SHA_512')).rejects.toMatchObject({ name: 'InvalidKeyUsageException' });
    await expect(
      kms.send(
        new GenerateMacCommand({
          KeyId: keyArn,
          MacAlgorithm: 'HMAC_SHA_256',
          Message: new Uint8Array(4097),
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('4096') });
    await expect(
      kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'ENCRYPT_DECRYPT' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      kms.send(new CreateKeyCommand({ KeySpec: 'HMAC_999' as 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('enum value set'),
    });
  });

  it('a key of another Region is NotFoundException', async () => {
    const west = new KMSClient({
      region: 'us-west-2',
      endpoint: cloud.endpoint,
      credentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'local' },
      maxAttempts: 1,
    });

    await expect(
      west.send(new GenerateMacCommand({ KeyId: keyArn, MacAlgorithm: 'HMAC_SHA_256', Message: message })),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
  });
});
