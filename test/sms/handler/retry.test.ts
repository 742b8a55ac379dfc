import { CreateReplicationJobCommand, GetServersCommand, TemporarilyUnavailableException, InternalError } from '@aws-sdk/client-sms';
import { Props } from '../../../lib/sms/handler/api';
import { onEvent } from '../../../lib/sms/handler';
import { retryReason } from '../../../lib/handler-common/errors';
import { backoffMs } from '../../../lib/handler-common/retry';
import { retryPolicy } from '../../../lib/handler-common/settings';
import { contextWith, networkError, resourceEvent, sentence, server, setUpSmsMock, smsError, vmProps } from './helpers';

const { sms, logs } = setUpSmsMock();

const createEvent = () => resourceEvent('Create', vmProps({ [Props.SERVER_ID]: 's-0000000a' }));

const RETRYABLE: Array<[string, () => Error]> = [
  ['ThrottlingException', () => smsError('ThrottlingException', 400, 'Rate exceeded')],
  ['Throttling', () => smsError('Throttling', 400)],
  ['TooManyRequestsException', () => smsError('TooManyRequestsException', 429)],
  ['TemporarilyUnavailableException', () => new TemporarilyUnavailableException({ message: '', $metadata: { httpStatusCode: 503 } })],
  ['InternalError', () => new InternalError({ message: 'oops', $metadata: { httpStatusCode: 500 } })],
  ['an unmodelled 502', () => smsError('BadGateway', 502)],
  ['an unmodelled 503', () => smsError('ServiceUnavailableException', 503)],
  ['ECONNRESET', () => networkError('ECONNRESET', 'read ECONNRESET')],
  ['socket hang up', () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' })],
  ['a wrapped socket hang up', () => new Error('AWS SDK error wrapper for TimeoutError: socket hang up')],
  ['EPIPE', () => networkError('EPIPE', 'write EPIPE')],
  ['ETIMEDOUT', () => networkError('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443')],
  ['TimeoutError', () => Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' })],
  ['ECONNREFUSED', () => networkError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566')],
];

describe('retries', () => {
  test.each(RETRYABLE)('retries %s and counts the retry', async (_what, makeError) => {
    // GIVEN
    sms.on(CreateReplicationJobCommand).rejectsOnce(makeError()).rejectsOnce(makeError()).resolves({ replicationJobId: 'sms-job-0000000a' });

    // WHEN
    const result = await onEvent(createEvent());

    // THEN
    expect(result.PhysicalResourceId).toBe('sms-job-0000000a');
    expect(sms.commandCalls(CreateReplicationJobCommand)).toHaveLength(3);
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'create-job', retries: 2 }));
  });

  test('counts retries across the calls of one invocation', async () => {
    // GIVEN
    sms.on(GetServersCommand).rejectsOnce(smsError('ThrottlingException', 400)).resolves({ serverList: [server('s-0000000a', 'web-01')] });
    sms.on(CreateReplicationJobCommand).rejectsOnce(smsError('ThrottlingException', 400)).resolves({ replicationJobId: 'sms-job-0000000a' });

    // WHEN
    await onEvent(resourceEvent('Create', vmProps()));

    // THEN
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'resolve-server', retries: 1 }));
    expect(logs().records()).toContainEqual(expect.objectContaining({ step: 'create-job', retries: 2 }));
  });

  test('gives up at the deadline of the Lambda\'s remaining time, minus the safety margin', async () => {
    // GIVEN: 60 ms left of which 20 ms are kept back
    process.env.CDK_SMS_RETRY_SAFETY_MS = '20';
    sms.on(CreateReplicationJobCommand).rejects(smsError('ThrottlingException', 400, 'Rate exceeded'));
    const started = Date.now();

    try {
      // WHEN / THEN
      await expect(onEvent(createEvent(), contextWith(60))).rejects.toThrow(
        sentence('SMS is unavailable: CreateReplicationJob for VM "web-01" (server s-0000000a) was throttled or failed <n> times over '
          + '<n> s; deploy again later'));
      // Far under the default budget it would otherwise retry for; generous, so that a busy machine never fails it.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(sms.commandCalls(CreateReplicationJobCommand).length).toBeGreaterThan(2);
    } finally {
      delete process.env.CDK_SMS_RETRY_SAFETY_MS;
    }
  });

  test('makes one attempt and no retry when the Lambda has no time to spare', async () => {
    // GIVEN
    sms.on(CreateReplicationJobCommand).rejects(smsError('ThrottlingException', 400));

    // WHEN / THEN: the default safety margin (20 s) exceeds the 5 s left
    await expect(onEvent(createEvent(), contextWith(5000))).rejects.toThrow(
      'SMS is unavailable: CreateReplicationJob for VM "web-01" (server s-0000000a) was throttled or failed 1 time over 0.0 s; deploy again later');
    expect(sms.commandCalls(CreateReplicationJobCommand)).toHaveLength(1);
  });

  test('uses the default budget when called without a context', async () => {
    // GIVEN
    process.env.CDK_SMS_RETRY_BUDGET_MS = '50';
    sms.on(CreateReplicationJobCommand).rejects(smsError('InternalError', 500));
    const started = Date.now();

    // WHEN / THEN
    await expect(onEvent(createEvent())).rejects.toThrow(/^SMS is unavailable: CreateReplicationJob/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    // Far under the default budget; generous, so that a busy machine never fails it.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test.each([
    ['UnauthorizedOperationException', 403],
    ['MissingRequiredParameterException', 400],
    ['NoConnectorsAvailableException', 430],
    ['ServerCannotBeReplicatedException', 400],
  ])('fails at once on %s', async (name, status) => {
    // GIVEN
    sms.on(CreateReplicationJobCommand).rejects(smsError(name, status, 'what SMS said'));

    // WHEN
    const error = await onEvent(createEvent()).catch((e: Error) => e) as Error;

    // THEN
    expect(error.message).toBe(`CreateReplicationJob for VM "web-01" (server s-0000000a) failed: ${name}: what SMS said`);
    expect(error.message).not.toMatch(/\n|\bat /);
    expect(sms.commandCalls(CreateReplicationJobCommand)).toHaveLength(1);
  });
});

describe('retry classification and backoff', () => {
  test('a 4xx answer is never taken for a network failure', () => {
    expect(retryReason(smsError('InvalidParameterException', 400, 'socket hang up in the description'))).toBeUndefined();
    expect(retryReason(new Error('Region is missing'))).toBeUndefined();
  });

  test('full jitter: a draw from 0 to the ceiling, which doubles up to the cap', () => {
    const policy = { baseMs: 200, maxMs: 10_000 };
    expect(backoffMs(policy, 1, () => 0)).toBe(0);
    expect(backoffMs(policy, 1, () => 0.999999)).toBe(199);
    expect(backoffMs(policy, 3, () => 0.5)).toBe(400);
    expect(backoffMs(policy, 20, () => 0.999999)).toBe(9999);
    expect(backoffMs(policy, 5000, () => 0.5)).toBe(5000);
  });

  test('delays come from the environment, with production defaults for absent or unreadable values', () => {
    expect(retryPolicy({})).toEqual({ baseMs: 200, maxMs: 10_000 });
    expect(retryPolicy({ CDK_SMS_RETRY_BASE_MS: 'fast', CDK_SMS_RETRY_MAX_MS: '-1' })).toEqual({ baseMs: 200, maxMs: 10_000 });
    expect(retryPolicy({ CDK_SMS_RETRY_BASE_MS: '5', CDK_SMS_RETRY_MAX_MS: '50' })).toEqual({ baseMs: 5, maxMs: 50 });
  });
});
