import * as http from 'http';
import { AddressInfo } from 'net';
import { Props } from '../../../lib/sms/handler/api';
import { onEvent } from '../../../lib/sms/handler';
import { smsClient } from '../../../lib/sms/handler/client';
import { captureLogs, resourceEvent, vmProps } from './helpers';

/**
 * The module's own client, unmocked, against a throw-away HTTP server: it finds the endpoint through
 * AWS_ENDPOINT_URL_SMS and the region through AWS_REGION, and makes one attempt per handler attempt
 * (maxAttempts 1: the handler, not the SDK, retries).
 */

interface Seen {
  readonly target: string;
  readonly authorization: string;
  readonly body: Record<string, unknown>;
}

const seen: Seen[] = [];
let throttlesLeft = 2;
const emulator = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
  req.on('end', () => {
    const target = String(req.headers['x-amz-target']).split('.')[1];
    seen.push({ target, authorization: String(req.headers.authorization), body: JSON.parse(body) as Record<string, unknown> });
    const reply = (status: number, payload: object) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(payload));
    };
    if (target === 'CreateReplicationJob' && throttlesLeft > 0) {
      throttlesLeft -= 1;
      reply(400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
    } else if (target === 'CreateReplicationJob') {
      reply(200, { replicationJobId: 'sms-job-12345678' });
    } else {
      reply(400, { __type: 'InvalidParameterException', message: `unexpected ${target}` });
    }
  });
});

const saved = { ...process.env };

beforeAll(async () => {
  await new Promise<void>((resolve) => emulator.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_SMS = `http://127.0.0.1:${(emulator.address() as AddressInfo).port}`;
  process.env.AWS_REGION = 'us-west-2';
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.CDK_SMS_RETRY_BASE_MS = '1';
  process.env.CDK_SMS_RETRY_MAX_MS = '4';
});

afterAll(async () => {
  smsClient().destroy();
  await new Promise((resolve) => emulator.close(resolve));
  process.env = saved;
});

describe('the module\'s SMS client', () => {
  test('calls the endpoint of AWS_ENDPOINT_URL_SMS in AWS_REGION, one request per handler attempt', async () => {
    // GIVEN
    const logs = captureLogs();

    try {
      // WHEN
      const result = await onEvent(resourceEvent('Create', vmProps({ [Props.SERVER_ID]: 's-12345678' })));

      // THEN
      expect(result.PhysicalResourceId).toBe('sms-job-12345678');
      expect(seen.map((s) => s.target)).toEqual(['CreateReplicationJob', 'CreateReplicationJob', 'CreateReplicationJob']);
      expect(seen[0].authorization).toContain('/us-west-2/sms/aws4_request');
      expect(seen[0].body).toEqual(expect.objectContaining({ serverId: 's-12345678', frequency: 12, seedReplicationTime: expect.any(Number) }));
      expect(logs.records()).toContainEqual(expect.objectContaining({ step: 'create-job', retries: 2 }));
    } finally {
      logs.restore();
    }
  });
});
