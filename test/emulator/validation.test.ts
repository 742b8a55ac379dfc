import {
  CreateReplicationJobCommand, GetAppValidationConfigurationCommand, GetServersCommand, InvalidParameterException, LicenseType,
  ListAppsCommand, MissingRequiredParameterException, SMSClient, SMSServiceException,
} from '@aws-sdk/client-sms';
import { SmsEmulator } from '../support/sms-emulator';
import { byolServers, caught, hoursFromNow, rawCall, smsClient, statusOf, target } from './helpers';

type CreateInput = ConstructorParameters<typeof CreateReplicationJobCommand>[0];

let emu: SmsEmulator;
let sms: SMSClient;

beforeAll(async () => {
  emu = await SmsEmulator.start({ seed: 3 });
  sms = smsClient(emu);
});
beforeEach(() => emu.reset());
afterAll(async () => {
  sms.destroy();
  await emu.stop();
});

describe('model validation', () => {
  test('fails when a required member is missing, with MissingRequiredParameterException naming it', async () => {
    // WHEN the SDK sends the request without seedReplicationTime (it does not check required members)
    const err = await caught(() => sms.send(new CreateReplicationJobCommand({ serverId: byolServers(emu)[0], seedReplicationTime: undefined })));
    // THEN
    expect(err).toBeInstanceOf(MissingRequiredParameterException);
    expect(statusOf(err)).toBe(400);
    expect(err.message).toBe("1 validation error detected: Value null at 'seedReplicationTime' failed to satisfy constraint: Member must not be null");
    expect(emu.state.jobs).toEqual([]);
  });

  test('fails naming every missing member', async () => {
    // WHEN
    const err = await caught(() => sms.send(new CreateReplicationJobCommand({ serverId: undefined, seedReplicationTime: undefined })));
    // THEN
    expect(err.name).toBe('MissingRequiredParameterException');
    expect(err.message).toMatch(/^2 validation errors detected: .*'serverId'.*'seedReplicationTime'/);
  });

  test('fails when an enum value is not in the model, with InvalidParameterException', async () => {
    // WHEN
    const err = await caught(() => sms.send(new CreateReplicationJobCommand({
      serverId: byolServers(emu)[0], seedReplicationTime: new Date(), frequency: 12, licenseType: 'FREE' as LicenseType,
    })));
    // THEN
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(statusOf(err)).toBe(400);
    expect(err.message).toContain("Value '\"FREE\"' at 'licenseType' failed to satisfy constraint: Member must satisfy enum value set: [AWS, BYOL]");
  });

  test.each([
    ['frequency', { frequency: '12' }, 'Member must be an integer'],
    ['frequency', { frequency: 1.5 }, 'Member must be an integer'],
    ['encrypted', { frequency: 12, encrypted: 'true' }, 'Member must be a boolean'],
    ['roleName', { frequency: 12, roleName: 7 }, 'Member must be a string'],
  ])('fails when %s has the wrong JSON type (%j)', async (member, extra, constraint) => {
    // WHEN a value arrives as CloudFormation would pass it, uncoerced
    const input = { serverId: byolServers(emu)[0], seedReplicationTime: new Date(), ...extra } as unknown as CreateInput;
    const err = await caught(() => sms.send(new CreateReplicationJobCommand(input)));
    // THEN
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toContain(`at '${member}' failed to satisfy constraint: ${constraint}`);
  });

  test('fails with the member path inside lists of structures', async () => {
    // WHEN
    const err = await caught(() => sms.send(new GetServersCommand({ vmServerAddressList: [{ vmManagerId: 'x', vmId: 5 as unknown as string }] })));
    // THEN
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toContain("at 'vmServerAddressList.0.vmId'");
  });

  test('fails when a pattern trait is not met (appId of GetAppValidationConfiguration)', async () => {
    // WHEN
    const err = await caught(() => sms.send(new GetAppValidationConfigurationCommand({ appId: 'app-1' })));
    // THEN
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toContain('Member must satisfy regular expression pattern: ^app-[0-9a-f]{17}$');
  });

  test('fails when a timestamp is not epoch seconds', async () => {
    // WHEN
    const reply = await rawCall(emu, target('CreateReplicationJob'), JSON.stringify({ serverId: 's-1', seedReplicationTime: '2024-01-01T00:00:00Z' }));
    // THEN
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      __type: 'InvalidParameterException',
      message: expect.stringContaining("at 'seedReplicationTime' failed to satisfy constraint: Member must be a timestamp in epoch seconds"),
    });
  });

  test('ignores unknown members like AWS, and records them', async () => {
    // GIVEN
    const serverId = byolServers(emu)[0];
    // WHEN
    const reply = await rawCall(emu, target('CreateReplicationJob'), JSON.stringify({
      serverId, seedReplicationTime: Math.floor(Date.now() / 1000), frequency: 12, seedTime: 1, Frequency: 3,
    }));
    // THEN
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ replicationJobId: expect.stringMatching(/^sms-job-/) });
    expect(emu.requests.at(-1)?.unknownMembers).toEqual(['seedTime', 'Frequency']);
  });
});

describe('protocol', () => {
  test('fails with UnknownOperationException (400) for an unknown target', async () => {
    // GIVEN a client whose X-Amz-Target is rewritten before signing
    const client = smsClient(emu);
    client.middlewareStack.add((next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-amz-target'] = target('LaunchRocket');
      return next(args);
    }, { step: 'build' });
    // WHEN
    const err = await caught(() => client.send(new GetServersCommand({})));
    client.destroy();
    // THEN
    expect(err).toBeInstanceOf(SMSServiceException);
    expect(err.name).toBe('UnknownOperationException');
    expect(statusOf(err)).toBe(400);
    expect(emu.stats.snapshot().calls).toEqual({ LaunchRocket: 1 });
  });

  test.each([
    ['a target of another service', target('GetServers').replace('AWSServerMigrationService_V2016_10_24', 'AmazonEC2'), 'UnknownOperationException'],
    ['no target', undefined, 'UnknownOperationException'],
  ])('fails with UnknownOperationException for %s', async (_what, tgt, code) => {
    // WHEN
    const reply = await rawCall(emu, tgt, '{}');
    // THEN
    expect(reply.status).toBe(400);
    expect(reply.body.__type).toBe(code);
    expect(reply.headers.get('x-amzn-errortype')).toBe(code);
  });

  test('fails with SerializationException for a body that is not JSON or a wrong Content-Type', async () => {
    // WHEN
    const badJson = await rawCall(emu, target('GetServers'), '{"maxResults":');
    const badType = await rawCall(emu, target('GetServers'), '{}', { 'Content-Type': 'application/json' });
    // THEN
    expect([badJson.status, badJson.body.__type]).toEqual([400, 'SerializationException']);
    expect([badType.status, badType.body.__type]).toEqual([400, 'SerializationException']);
  });

  test('fails with 403 when the request is not signed for the sms service', async () => {
    // WHEN
    const unsigned = await rawCall(emu, target('GetServers'), '{}', { Authorization: '' });
    const wrongService = await rawCall(emu, target('GetServers'), '{}', {
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0',
    });
    // THEN
    expect([unsigned.status, unsigned.body.__type]).toEqual([403, 'MissingAuthenticationTokenException']);
    expect([wrongService.status, wrongService.body.__type]).toEqual([403, 'IncompleteSignatureException']);
  });

  test('answers an empty body as {} and sets x-amzn-RequestId', async () => {
    // WHEN
    const reply = await rawCall(emu, target('GetConnectors'), '');
    const sdk = await sms.send(new GetServersCommand({ maxResults: 1 }));
    // THEN
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(reply.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sdk.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('answers NotImplementedException (501, not retried) for modelled operations it does not implement', async () => {
    // GIVEN
    const client = smsClient(emu, { maxAttempts: 3 });
    // WHEN
    const err = await caught(() => client.send(new ListAppsCommand({})));
    client.destroy();
    // THEN
    expect(err.name).toBe('NotImplementedException');
    expect(statusOf(err)).toBe(501);
    expect((err.$metadata as { attempts: number }).attempts).toBe(1);
  });
});

describe('service rules from sms-api.md', () => {
  const base = () => ({ serverId: byolServers(emu)[0], seedReplicationTime: new Date() });

  test.each([
    ['frequency below 1 hour', { frequency: 0 }, /frequency 0 is out of range, use 1 to 24 hours/],
    ['frequency above 24 hours', { frequency: 25 }, /frequency 25 is out of range/],
    ['neither frequency nor runOnce', {}, /frequency is required unless runOnce is true/],
    ['frequency with runOnce', { runOnce: true, frequency: 12 }, /cannot be combined with runOnce true/],
    ['a seed more than 30 days ahead', { frequency: 12, seedReplicationTime: hoursFromNow(31 * 24) }, /seedReplicationTime .* is more than 30 days ahead/],
    ['numberOfRecentAmisToKeep above 270', { frequency: 12, numberOfRecentAmisToKeep: 271 }, /numberOfRecentAmisToKeep 271 is out of range/],
    ['kmsKeyId without encrypted', { frequency: 12, kmsKeyId: 'alias/x' }, /kmsKeyId alias\/x needs encrypted true/],
    ['an unknown serverId', { frequency: 12, serverId: 's-00000000' }, /serverId s-00000000 is not in the server catalog/],
  ])('CreateReplicationJob fails with InvalidParameterException for %s', async (_what, extra, message) => {
    // WHEN
    const err = await caught(() => sms.send(new CreateReplicationJobCommand({ ...base(), ...extra })));
    // THEN
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toMatch(message);
  });

  test('GetServers fails with InvalidParameterException for maxResults 0', async () => {
    // WHEN
    const err = await caught(() => sms.send(new GetServersCommand({ maxResults: 0 })));
    // THEN
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toMatch(/maxResults 0/);
  });
});
