import * as http from 'http';
import {
  CreateApplicationCommand, DescribeSourceServersCommand, DescribeVcenterClientsCommand, GetLaunchConfigurationCommand,
  InitializeServiceCommand, ListTagsForResourceCommand, MgnClient, StartReplicationCommand, TagResourceCommand, UntagResourceCommand,
  ArchiveApplicationCommand, ListApplicationsCommand, ListWavesCommand,
} from '@aws-sdk/client-mgn';
import { MgnEmulator } from '../support/mgn-emulator';
import { caught, mgnClient, start, statusOf } from './helpers';

/** Routing, validation and error shapes, through the real @aws-sdk/client-mgn 3.523.0. */

let emu: MgnEmulator;
let mgn: MgnClient;
beforeEach(async () => {
  emu = await start({ seed: 3, initialized: true });
  mgn = mgnClient();
});
afterEach(async () => {
  expect(emu.diagnostics).toEqual([]);
  await emu.close();
});

function raw(method: string, path: string, body = '', headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${emu.mgnEndpoint}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const SIGNED = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/us-east-1/mgn/aws4_request, SignedHeaders=host, Signature=00' };

describe('routing', () => {
  test('tag routes carry the percent-decoded ARN and repeated tagKeys', async () => {
    // GIVEN
    const server = emu.seedServer({ hostname: 'web-01' });
    const arn = server.arn as string;
    // WHEN
    await mgn.send(new TagResourceCommand({ resourceArn: arn, tags: { a: '1', b: '2', c: '3' } }));
    await mgn.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['a', 'c'] }));
    const listed = await mgn.send(new ListTagsForResourceCommand({ resourceArn: arn }));
    // THEN
    expect(listed.tags).toEqual({ b: '2' });
    expect(emu.tagsOf(arn)).toEqual({ b: '2' });
    const methods = emu.requests.map((r) => `${r.method} ${r.operation}`);
    expect(methods).toEqual(['POST TagResource', 'DELETE UntagResource', 'GET ListTagsForResource']);
    expect(emu.requests[0].path).toContain('arn%3Aaws%3Amgn');
  });

  test('tags of an unknown ARN answer 404 ResourceNotFoundException', async () => {
    const e = await caught(() => mgn.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:mgn:us-east-1:111122223333:source-server/s-00000000000000000' })));
    expect(e.name).toBe('ResourceNotFoundException');
    expect(statusOf(e)).toBe(404);
  });

  test('GET /DescribeVcenterClients takes its paging from the query string', async () => {
    emu.discoverVm({ vmWareUuid: '4210aaaa-0000-4000-8000-0000000000aa', vmPath: '/dc/vm/a' });
    const out = await mgn.send(new DescribeVcenterClientsCommand({ maxResults: 5 }));
    expect(out.items).toHaveLength(1);
    expect(out.items![0].vcenterClientID).toMatch(/^vcc-[0-9a-zA-Z]{17}$/);
    expect(emu.requests[0]).toMatchObject({ method: 'GET', input: { maxResults: 5 } });
  });

  test('an unknown route answers 404 UnknownOperationException', async () => {
    const res = await raw('POST', '/NoSuchOperation', '{}', SIGNED);
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(JSON.parse(res.body)).toEqual({ message: expect.stringContaining('/NoSuchOperation') });
  });

  test('an empty body is accepted and 204 answers carry no body', async () => {
    const res = await raw('POST', '/InitializeService', '', SIGNED);
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['x-amzn-requestid']).toMatch(/^00000000-/);
  });

  test('an unsigned request answers 403 AccessDeniedException', async () => {
    const res = await raw('POST', '/ListApplications', '{}');
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('AccessDeniedException');
  });

  test('every operation of the model is routed, and what it answers to an empty request is valid', async () => {
    // GIVEN
    const model = emu.model;
    // WHEN
    const statuses: Record<string, number> = {};
    for (const name of model.operationNames) {
      const op = model.operation(name)!;
      const path = '/' + op.segments.map((s) => (s.startsWith('{') ? encodeURIComponent('arn:aws:mgn:us-east-1:111122223333:wave/wave-x') : s)).join('/');
      const res = await raw(op.method, path, op.method === 'POST' ? '{}' : '', SIGNED);
      statuses[name] = res.status;
      if (res.status >= 400) {
        expect([name, res.headers['x-amzn-errortype']]).not.toEqual([name, 'UnknownOperationException']);
      }
    }
    // THEN
    expect(Object.keys(statuses)).toHaveLength(70);
    expect(statuses).toMatchObject({ InitializeService: 204, ListApplications: 200, DescribeSourceServers: 200, ListImports: 200,
      ListTagsForResource: 404, DescribeVcenterClients: 200, CreateApplication: 400, StartTest: 400 });
    const notImplemented = await raw('POST', '/DeleteJob', JSON.stringify({ jobID: 'mgnjob-0123456789abcdefA' }), SIGNED);
    expect([notImplemented.status, notImplemented.headers['x-amzn-errortype']]).toEqual([501, 'NotImplementedException']);
  });

  test('success codes follow the model: 201 on create', async () => {
    await mgn.send(new CreateApplicationCommand({ name: 'web' }));
    expect(emu.requests[0].status).toBe(201);
  });
});

describe('validation', () => {
  test('fails when a required member is missing', async () => {
    const e = await caught(() => mgn.send(new CreateApplicationCommand({} as never)));
    expect(e.name).toBe('ValidationException');
    expect(statusOf(e)).toBe(400);
    expect(e.reason).toBe('fieldValidationFailed');
    expect(e.fieldList).toEqual([{ name: 'name', message: expect.stringContaining('Member must not be null') }]);
  });

  test('fails with cannotParse when a string is sent for an integer', async () => {
    const e = await caught(() => mgn.send(new DescribeSourceServersCommand({ maxResults: '5' as never })));
    expect(e.name).toBe('ValidationException');
    expect(e.reason).toBe('cannotParse');
    expect((e.fieldList as Array<{ name: string }>)[0].name).toBe('maxResults');
  });

  test('fails when a pattern is not met', async () => {
    const e = await caught(() => mgn.send(new GetLaunchConfigurationCommand({ sourceServerID: 's-short' })));
    expect(e.reason).toBe('fieldValidationFailed');
    expect((e.fieldList as Array<{ message: string }>)[0].message).toMatch(/length|pattern/);
  });

  test('fails when an application name has a trailing blank (anchored pattern)', async () => {
    const e = await caught(() => mgn.send(new CreateApplicationCommand({ name: 'web ' })));
    expect((e.fieldList as Array<{ name: string; message: string }>)).toEqual([{ name: 'name', message: expect.stringContaining('pattern') }]);
  });

  test('fails when an enum value is unknown', async () => {
    const e = await caught(() => mgn.send(new DescribeSourceServersCommand({ filters: { lifeCycleStates: ['SLEEPING' as never] } })));
    expect(e.fieldList).toEqual([{ name: 'filters.lifeCycleStates.0', message: expect.stringContaining('enum value set') }]);
  });

  test.each([0, 1001])('fails when maxResults is %d', async (maxResults) => {
    const e = await caught(() => mgn.send(new DescribeSourceServersCommand({ maxResults })));
    expect(e.fieldList).toEqual([{ name: 'maxResults', message: expect.stringContaining('between 1 and 1000') }]);
  });

  test('fails when a query integer is not a number', async () => {
    const res = await raw('GET', '/DescribeVcenterClients?maxResults=ten', '', SIGNED);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ reason: 'cannotParse' });
  });

  test('fails when the body is not JSON', async () => {
    const res = await raw('POST', '/ListApplications', '{', SIGNED);
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('ValidationException');
  });
});

describe('error shapes as the SDK surfaces them', () => {
  test('UninitializedAccountException is 400', async () => {
    emu.setInitialized(false);
    const e = await caught(() => mgn.send(new DescribeSourceServersCommand({})));
    expect([e.name, statusOf(e)]).toEqual(['UninitializedAccountException', 400]);
    await mgn.send(new InitializeServiceCommand({}));
    await expect(mgn.send(new DescribeSourceServersCommand({}))).resolves.toMatchObject({ items: [] });
  });

  test('ResourceNotFoundException is 404 with resourceId', async () => {
    const e = await caught(() => mgn.send(new ArchiveApplicationCommand({ applicationID: 'app-00000000000000000' })));
    expect([e.name, statusOf(e), e.resourceId]).toEqual(['ResourceNotFoundException', 404, 'app-00000000000000000']);
  });

  test('ConflictException is 409', async () => {
    const s = emu.seedServer({ state: 'NOT_READY' });
    const e = await caught(() => mgn.send(new StartReplicationCommand({ sourceServerID: s.sourceServerID as string })));
    expect([e.name, statusOf(e)]).toEqual(['ConflictException', 409]);
  });

  test('ServiceQuotaExceededException is 402 with quotaValue', async () => {
    await emu.close();
    emu = await start({ initialized: true, replicationQuota: 1 });
    mgn = mgnClient();
    emu.seedServer({ state: 'NOT_READY' });
    const s = emu.seedServer({ state: 'DISCOVERED' });
    const e = await caught(() => mgn.send(new StartReplicationCommand({ sourceServerID: s.sourceServerID as string })));
    expect([e.name, statusOf(e), e.quotaValue]).toEqual(['ServiceQuotaExceededException', 402, 1]);
  });

  test('ThrottlingException is 429 and InternalServerException is 500, with Retry-After', async () => {
    emu.setFaults([{ kind: 'throttle', operations: ['ListWaves'], count: 1 }, { kind: 'internal', operations: ['ListApplications'], count: 1 }]);
    const t = await caught(() => mgn.send(new ListWavesCommand({})));
    expect([t.name, statusOf(t), t.retryAfterSeconds]).toEqual(['ThrottlingException', 429, '1']);
    const i = await caught(() => mgn.send(new ListApplicationsCommand({})));
    expect([i.name, statusOf(i), i.retryAfterSeconds]).toEqual(['InternalServerException', 500, 1]);
  });
});
