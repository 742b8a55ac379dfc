import { CreateApplicationCommand, CreateWaveCommand, DescribeSourceServersCommand, ListApplicationsCommand, ListWavesCommand, MgnClient } from '@aws-sdk/client-mgn';
import { MgnEmulator } from '../support/mgn-emulator';
import { caught, isNetworkError, mgnClient, start, statusOf } from './helpers';

/** Seeded fault injection and eventual consistency, through the real SDK. */

let emu: MgnEmulator;
let mgn: MgnClient;
beforeEach(async () => {
  emu = await start({ seed: 21, initialized: true });
  mgn = mgnClient();
});
afterEach(async () => {
  expect(emu.diagnostics).toEqual([]);
  await emu.close();
});

test('503 comes without a body', async () => {
  emu.setFaults([{ kind: 'unavailable', operations: ['ListWaves'], count: 1 }]);
  const e = await caught(() => mgn.send(new ListWavesCommand({})));
  expect(statusOf(e)).toBe(503);
  expect(emu.requests[0]).toMatchObject({ status: 503, fault: 'unavailable' });
  await expect(mgn.send(new ListWavesCommand({}))).resolves.toMatchObject({ items: [] });
});

test('a dropped connection applies nothing', async () => {
  emu.setFaults([{ kind: 'drop', operations: ['CreateWave'], count: 1 }]);
  const e = await caught(() => mgn.send(new CreateWaveCommand({ name: 'w1' })));
  expect(isNetworkError(e)).toBe(true);
  expect(emu.waves()).toEqual([]);
});

test('a lost response applies the operation, then drops the connection', async () => {
  emu.setFaults([{ kind: 'lost-response', operations: ['CreateWave'], count: 1 }]);
  const e = await caught(() => mgn.send(new CreateWaveCommand({ name: 'w1' })));
  expect(isNetworkError(e)).toBe(true);
  expect(emu.waves().map((w) => w.name)).toEqual(['w1']);
  // The caller's retry now meets the duplicate name.
  expect((await caught(() => mgn.send(new CreateWaveCommand({ name: 'w1' })))).name).toBe('ConflictException');
});

test('the SDK retries throttling and 500s by itself when allowed to', async () => {
  emu.setFaults([{ kind: 'throttle', operations: ['ListApplications'], count: 1 }, { kind: 'internal', operations: ['ListApplications'], count: 1 }]);
  await expect(mgnClient(3).send(new ListApplicationsCommand({}))).resolves.toMatchObject({ items: [] });
  expect(emu.stats.calls.ListApplications).toBe(3);
  expect(emu.stats.faults).toMatchObject({ throttle: 1, internal: 1 });
});

test('stats count calls per operation and faults per kind', async () => {
  emu.setFaults([{ kind: 'throttle', operations: ['ListWaves'], count: 2 }]);
  for (let i = 0; i < 3; i++) {
    await mgn.send(new ListWavesCommand({})).catch(() => undefined);
  }
  expect(emu.stats).toMatchObject({ calls: { ListWaves: 3 }, faults: { throttle: 2 }, faultsByOperation: { ListWaves: { throttle: 2 } },
    errors: { ThrottlingException: 2 }, totalCalls: 3 });
});

async function outcomes(seed: number): Promise<string[]> {
  const e = await start({ seed, initialized: true });
  try {
    e.faults.chaos({ throttle: 0.3, internal: 0.2, unavailable: 0.1, operations: ['ListWaves'] });
    const client = mgnClient();
    const out: string[] = [];
    for (let i = 0; i < 20; i++) {
      out.push(await client.send(new ListWavesCommand({})).then(() => 'ok', (err: Record<string, unknown>) => String(statusOf(err))));
    }
    return out;
  } finally {
    await e.close();
  }
}

test('seeded faults repeat exactly for the same seed and differ for another', async () => {
  const a = await outcomes(1);
  const b = await outcomes(1);
  const c = await outcomes(2);
  expect(a).toEqual(b);
  expect(a).not.toEqual(c);
  expect(new Set(a)).toEqual(new Set(['ok', '429', '500', '503']));
});

test('eventual consistency: a new application, wave or server is invisible to List/Describe for N calls', async () => {
  await emu.close();
  emu = await start({ initialized: true, invisibleReads: 2 });
  mgn = mgnClient();
  await mgn.send(new CreateApplicationCommand({ name: 'a' }));
  emu.seedServer();
  const apps = [];
  const servers = [];
  for (let i = 0; i < 3; i++) {
    apps.push((await mgn.send(new ListApplicationsCommand({}))).items!.length);
    servers.push((await mgn.send(new DescribeSourceServersCommand({}))).items!.length);
  }
  expect(apps).toEqual([0, 0, 1]);
  expect(servers).toEqual([0, 0, 1]);
});
