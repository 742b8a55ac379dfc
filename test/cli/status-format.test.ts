import { statusCommand } from '../../lib/cli/commands/status';
import { CliIo } from '../../lib/cli/io';
import { runCliAsync } from '../../lib/cli/program';
import {
  MgnCallError, MgnReader, readStatus, renderStatusJson, renderStatusTable, SettingsStatus, StatusReport, VmServerStatus,
} from '../../lib/cli/status-report';
import { Plan } from '../../lib/plan/model/plan';
import { expectInputError, removeTempDirs, STACK_FRAME, writeTemp } from './helpers';

/** `cdk-sms status` with fixture objects in place of MGN: rendering, input errors and call errors. */

afterAll(removeTempDirs);

function capture(env: NodeJS.ProcessEnv = { AWS_REGION: 'eu-west-1' }): { io: CliIo; result: (status: number) => { status: number; stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, isTTY: false, env },
    result: (status) => ({ status, stdout, stderr }),
  };
}

/** A reader over fixed servers; a call named in `failing` rejects as the SDK would. */
function fixtureReader(servers: object[], failing?: string): MgnReader {
  const fail = (name: string) => {
    const error = new Error('User: arn:aws:iam::123456789012:user/x is not authorized\nto perform: mgn:DescribeSourceServers');
    error.name = 'AccessDeniedException';
    if (failing === name) {
      throw error;
    }
  };
  return {
    describeSourceServers: async (token) => {
      fail('DescribeSourceServers');
      return token === undefined ? { items: servers.slice(0, 1) as never, nextToken: 'page-2' } : { items: servers.slice(1) as never };
    },
    getReplicationConfiguration: async () => {
      fail('GetReplicationConfiguration');
      return { bandwidthThrottling: 0 };
    },
    getLaunchConfiguration: async () => ({ copyPrivateIp: true, licensing: { osByol: false } }),
  };
}

const PLAN = { version: 1, vms: [{ name: 'web-01', hypervisor: 'vmware' }, { name: 'db-01', hypervisor: 'vmware' }] } as unknown as Plan;
const SERVERS = [
  { sourceServerID: 's-1234567890abcdef0', userProvidedID: 'web-01', lifeCycle: { state: 'READY_FOR_TEST' },
    dataReplicationInfo: { dataReplicationState: 'CONTINUOUS', lagDuration: 'PT3S' } },
  { sourceServerID: 's-1234567890abcdef1', userProvidedID: 'other' },
];

describe('readStatus', () => {
  test('reads every page and compares the servers found', async () => {
    // WHEN
    const report = await readStatus(PLAN, 'plan.json', 'eu-west-1', fixtureReader(SERVERS),
      () => ({ replication: { bandwidthThrottling: 50 }, launch: { copyPrivateIp: true, licensingOsByol: true }, launchTemplate: {} }));

    // THEN
    expect(report).toEqual({
      plan: 'plan.json',
      region: 'eu-west-1',
      serversListed: 2,
      vms: [
        {
          vm: 'web-01', status: VmServerStatus.FOUND, sourceServerId: 's-1234567890abcdef0', matchedBy: 'userProvidedID', candidates: [],
          lifecycleState: 'READY_FOR_TEST', replicationState: 'CONTINUOUS', lag: 'PT3S', settings: SettingsStatus.DIFFER,
          differences: [
            { section: 'replication', member: 'bandwidthThrottling', current: '0', desired: '50' },
            { section: 'launch', member: 'licensingOsByol', current: 'false', desired: 'true' },
          ],
        },
        {
          vm: 'db-01', status: VmServerStatus.NOT_FOUND, sourceServerId: null, matchedBy: null, candidates: [],
          lifecycleState: null, replicationState: null, lag: null, settings: SettingsStatus.NOT_COMPARED, differences: [],
        },
      ],
      otherRegions: [],
    });
  });

  test('leaves out the VMs that migrate into another Region (their own, or their wave\'s), and names them', async () => {
    // GIVEN web-01 in a wave of us-east-1, db-01 naming eu-west-1 itself, in a plan of eu-central-1
    const plan = {
      version: 1, target: 'mgn', mgn: { region: 'eu-central-1' }, waves: [{ name: 'w', region: 'us-east-1' }],
      vms: [{ name: 'web-01', hypervisor: 'vmware', wave: 'w' }, { name: 'db-01', hypervisor: 'vmware', wave: 'w', region: 'eu-west-1' },
        { name: 'app-01', hypervisor: 'vmware' }],
    } as unknown as Plan;
    // WHEN eu-west-1 is read
    const report = await readStatus(plan, 'plan.json', 'eu-west-1', fixtureReader(SERVERS), () => undefined);
    // THEN only db-01 is looked for; web-01 (us-east-1) and app-01 (the plan's eu-central-1) are named as elsewhere
    expect(report.vms.map((v) => v.vm)).toEqual(['db-01']);
    expect(report.otherRegions).toEqual([{ vm: 'web-01', region: 'us-east-1' }, { vm: 'app-01', region: 'eu-central-1' }]);
    expect(renderStatusTable(report)).toContain('2 VMs of the plan migrate into other Regions (us-east-1, eu-central-1), not read here: '
      + 'run again with --region');
  });

  test('rejects with one line naming the call and MGN\'s error', async () => {
    const error = await readStatus(PLAN, 'plan.json', 'eu-west-1', fixtureReader(SERVERS, 'DescribeSourceServers'), () => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MgnCallError);
    expect((error as Error).message).toBe('DescribeSourceServers failed: AccessDeniedException: User: arn:aws:iam::123456789012:user/x '
      + 'is not authorized to perform: mgn:DescribeSourceServers');
  });
});

describe('rendering', () => {
  const report: StatusReport = {
    plan: 'plan.json', region: 'eu-west-1', serversListed: 3,
    vms: [
      { vm: 'web-01', status: VmServerStatus.FOUND, sourceServerId: 's-1', matchedBy: 'tag', candidates: [], lifecycleState: 'NOT_READY',
        replicationState: 'INITIAL_SYNC', lag: null, settings: SettingsStatus.DIFFER,
        differences: [{ section: 'launch', member: 'bootMode', current: 'LEGACY_BIOS', desired: 'UEFI' }] },
      { vm: 'bad\u001b[31m', status: VmServerStatus.NOT_FOUND, sourceServerId: null, matchedBy: null, candidates: [], lifecycleState: null,
        replicationState: null, lag: null, settings: SettingsStatus.NOT_COMPARED, differences: [] },
    ],
    otherRegions: [],
  };

  test('the table lines up its columns and shows control characters of names visibly', () => {
    expect(renderStatusTable(report)).toBe([
      'VM             SERVER     LIFECYCLE  REPLICATION   LAG  SETTINGS',
      'web-01         s-1        NOT_READY  INITIAL_SYNC  -    differ: launch.bootMode',
      'bad\\u001b[31m  not found  -          -             -    -',
      '',
      '1 of 2 VMs found among 3 source servers in eu-west-1',
      '',
    ].join('\n'));
  });

  test('the JSON is the report, control characters escaped', () => {
    const json = renderStatusJson(report);
    expect(JSON.parse(json)).toEqual(report);
    expect(json).toContain('"vm": "bad\\u001b[31m"');
  });
});

describe('input errors', () => {
  test('a plan file that cannot be read is exit 2 with a message naming the file', async () => {
    const run = capture();
    const result = run.result(await runCliAsync(['status', '/nonexistent/plan.json'], run.io));
    expectInputError(result);
    expect(result.stderr).toContain('/nonexistent/plan.json');
  });

  test('a plan with a bad field is exit 2 with a message naming the file and the field', async () => {
    const file = writeTemp('bad.json', JSON.stringify({ version: 1, vms: [{ name: 'web-01', hypervisor: 'esx' }] }));
    const run = capture();
    const result = run.result(await runCliAsync(['status', file], run.io));
    expectInputError(result);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/hypervisor/);
  });

  test('a bad --format, a bad --region and no Region at all are exit 2', async () => {
    const file = writeTemp('plan.json', JSON.stringify(PLAN));
    for (const [args, env, message] of [
      [['status', file, '--format', 'csv'], { AWS_REGION: 'eu-west-1' }, /argument 'csv' is invalid/],
      [['status', file, '--region', 'Ireland'], {}, /--region Ireland is not a Region code/],
      [['status', file], {}, /no Region to read: give --region, set AWS_REGION, or set mgn.region in the plan/],
    ] as const) {
      const run = capture({ ...env });
      const result = run.result(await runCliAsync([...args], run.io));
      expectInputError(result);
      expect(result.stderr).toMatch(message);
    }
  });

  test('statusCommand refuses a format the CLI would not pass', async () => {
    const run = capture();
    await expect(statusCommand('plan.json', { format: 'xml' }, run.io)).rejects.toThrow(/--format xml is not a status format: use one of table, json/);
  });

  test('an MGN error is exit 4, one line, no stack trace', async () => {
    const file = writeTemp('plan.json', JSON.stringify(PLAN));
    const run = capture();
    const result = run.result(await statusCommand(file, { format: 'table' }, run.io, {
      reader: () => fixtureReader(SERVERS, 'GetReplicationConfiguration'),
      desiredOf: () => () => ({ replication: {}, launch: {}, launchTemplate: {} }),
    }));
    expect(result.status).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cdk-sms: GetReplicationConfiguration failed: AccessDeniedException: User: arn:aws:iam::123456789012:user/x '
      + 'is not authorized to perform: mgn:DescribeSourceServers\n');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

});
