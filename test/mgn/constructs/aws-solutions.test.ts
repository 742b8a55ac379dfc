/**
 * cdk-nag's AwsSolutions pack on what the MGN deploy path deploys: the example app (bin/app.ts) on
 * examples/plan-mgn.json (`-c plan=examples/plan-mgn.json`, every wave), an MGN migration with every
 * option (and with the library's own staging VPC), and every MGN construct on its own. Nothing is left
 * unacknowledged; every acknowledgement is of a finding that is
 * really there; and the README's cdk-nag section lists every rule acknowledged, with its reason word for word.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  desiredDefaults, desiredServerFor, importCsvFor, Migration, MigrationPlan, MgnAccountTemplates, MgnAgentInstallationRole, MgnCutoverRunbook,
  MgnImport,
  MgnInitialization, MgnServiceRoles, MgnSourceServer, MgnStagingArea, MgnVcenterClientAccess, MgnWave, Plan, ReplicationMethod,
  vcenterClientConnectors,
} from '../../../lib';
import { useMgnBundle, useRunbookBundle } from './bundle';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLE_PLAN = path.join(ROOT, 'examples', 'plan-mgn.json');
const ENV = { account: '123456789012', region: 'eu-west-1' };
const ACKNOWLEDGED_RULES = 'aws:cdk:acknowledged-rules';
useMgnBundle();
useRunbookBundle();

interface Finding {
  readonly rule: string;
  readonly path: string;
}

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

const outdirs: string[] = [];

function newApp(): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-mgn-nag-'));
  outdirs.push(outdir);
  return new App({ outdir });
}

afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function findings(app: App, options: { ignoreAcknowledgements?: boolean } = {}): Finding[] {
  app.synth();
  const pack = new AwsSolutionsChecks();
  if (options.ignoreAcknowledgements === true) {
    // As test/nag: a private method of cdk-nag 3's NagPack; renamed, "every acknowledgement is of a finding" fails loudly.
    (pack as unknown as { isAcknowledged(): boolean }).isAcknowledged = () => false;
  }
  return pack.validateScope(app).violations.flatMap((violation) => violation.violatingResources
    .map((resource) => ({ rule: violation.ruleName, path: resource.constructPath ?? '' })));
}

function acknowledgements(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((construct) => construct.node.metadata
    .filter((entry) => entry.type === ACKNOWLEDGED_RULES)
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
    .map(([key, reason]) => ({ path: construct.node.path, id: key.replace(/^annotation::/i, ''), reason }))
    .filter((ack) => ack.id.startsWith('AwsSolutions-')));
}

/** The example app as `cdk synth -c plan=examples/plan-mgn.json` defines it. */
function exampleApp(): App {
  const app = newApp();
  new Migration(app, 'Migration', { plan: MigrationPlan.fromFile(EXAMPLE_PLAN), asOf: '2026-12-04' });
  return app;
}

/** An MGN migration with every option: a staging VPC of the user's, destroy, a fixed refresh. */
function migrationWithEveryOption(): App {
  const app = newApp();
  const network = new Stack(app, 'Network', { env: ENV });
  const vpc = new ec2.Vpc(network, 'Vpc', { flowLogs: { FlowLog: {} } });
  new Migration(app, 'Migration', {
    plan: MigrationPlan.fromFile(EXAMPLE_PLAN), waves: ['wave-1'], asOf: '2026-12-04', stackProps: { env: ENV }, stackNamePrefix: 'Mgn',
    mgnStagingVpc: vpc, mgnServiceRoles: true, serverRemovalPolicy: RemovalPolicy.DESTROY, serverRefresh: 'r1', mgnCutoverRunbooks: true,
  });
  return app;
}

/** An MGN migration whose plan names no staging subnet: the library's own staging VPC. */
function migrationWithOwnStagingVpc(): App {
  const app = newApp();
  const plan = JSON.parse(fs.readFileSync(EXAMPLE_PLAN, 'utf8')) as Plan;
  delete (plan.mgn!.network as { stagingSubnet?: string }).stagingSubnet;
  new Migration(app, 'Migration', { plan: MigrationPlan.fromPlan(plan), waves: ['wave-1'], asOf: '2026-12-04', stackProps: { env: ENV } });
  return app;
}

/** Every MGN construct on its own, in one stack, the source side's included (with a long-lived installation user). */
function everyConstruct(): App {
  const app = newApp();
  const stack = new Stack(app, 'Stack', { env: ENV });
  new MgnServiceRoles(stack, 'ServiceRoles');
  new MgnInitialization(stack, 'Initialization');
  const area = new MgnStagingArea(stack, 'StagingArea', { sourceCidrs: ['10.20.0.0/16'] });
  const lookedUp = new MgnStagingArea(stack, 'LookedUpStagingArea', { stagingSubnetId: 'subnet-0a1b2c3d', sourceCidrs: ['10.20.0.0/16'] });
  const context = { stagingSubnetId: area.stagingSubnetId, replicationSecurityGroupId: area.securityGroup.securityGroupId,
    partition: stack.partition, ...ENV };
  new MgnAccountTemplates(stack, 'Templates', { defaults: desiredDefaults(undefined, context) });
  const plan = MigrationPlan.fromFile(EXAMPLE_PLAN).plan;
  const wave = new MgnWave(stack, 'Wave', { waveName: 'wave-1', applications: ['web'], description: 'first' });
  const file = importCsvFor(plan.vms.slice(0, 2), plan.defaults);
  const imp = new MgnImport(stack, 'Import', { csv: file.csv, rowVms: file.rowVms });
  new MgnSourceServer(stack, 'web-01', {
    vmName: 'web-01', replicationMethod: ReplicationMethod.AGENT, applicationName: 'web', refresh: 'r',
    settings: desiredServerFor(plan.vms[0], plan.defaults, { ...context, stagingSubnetId: lookedUp.stagingSubnetId }),
    vmUuid: 'uuid', vmPath: '/DC1/vm/web-01', hostname: 'web-01.example.com', removalPolicy: RemovalPolicy.DESTROY, dependsOn: [wave, imp],
  });
  new MgnCutoverRunbook(stack, 'CutoverRunbook', { waveName: 'wave-1' });
  new MgnAgentInstallationRole(stack, 'AgentInstallation', { roleName: 'mgn-agent-install' });
  new MgnAgentInstallationRole(stack, 'AgentInstallationUser', { longLivedUser: true });
  for (const connector of vcenterClientConnectors(plan)) {
    new MgnVcenterClientAccess(stack, `Vcc-${connector.name}`, { plan, connectorName: connector.name, vcenterHost: 'vcenter.example' });
  }
  return app;
}

const APPS: [string, () => App][] = [
  ['the example app on the MGN plan', exampleApp],
  ['an MGN migration with every option', migrationWithEveryOption],
  ['an MGN migration with its own staging VPC', migrationWithOwnStagingVpc],
  ['every MGN construct', everyConstruct],
];

const checked = new Map<string, { found: Finding[]; raw: Finding[]; acks: Acknowledgement[] }>();

beforeAll(() => {
  for (const [name, build] of APPS) {
    const app = build();
    checked.set(name, { found: findings(app), raw: findings(app, { ignoreAcknowledgements: true }), acks: acknowledgements(app) });
  }
});

describe('cdk-nag AwsSolutions on the MGN deploy path', () => {
  test.each(APPS.map(([name]) => name))('finds nothing unacknowledged in %s', (name) => {
    expect(checked.get(name)!.found).toEqual([]);
  });

  test.each(APPS.map(([name]) => name))('finds every acknowledged finding of %s, on the construct acknowledged or below it', (name) => {
    const { raw, acks } = checked.get(name)!;
    expect(acks.length).toBeGreaterThan(0);
    const stale = acks.filter((ack) => !raw.some((f) => f.rule === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`))));
    expect(stale).toEqual([]);
  });

  test('the README lists every rule the MGN constructs acknowledge with its reason', () => {
    // GIVEN the acknowledgements of all the apps
    const acks = [...checked.values()].flatMap((c) => c.acks);

    // WHEN the table of the README's cdk-nag section is read
    const doc = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = /\n## cdk-nag\n([\s\S]*?)(?=\n## |$)/.exec(doc)?.[1] ?? '';
    const rows = section.split('\n').filter((line) => /^\| AwsSolutions-/.test(line));

    // THEN each reason is there word for word, with its rule
    expect([...new Set(acks.map((ack) => `${ack.id.replace(/\[.*\]$/, '')} ${ack.reason}`))]
      .filter((ack) => !rows.some((row) => row.includes(`| ${ack.split(' ')[0]} |`) && row.includes(`| ${ack.slice(ack.indexOf(' ') + 1)} |`))))
      .toEqual([]);
  });
});
