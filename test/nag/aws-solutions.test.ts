/**
 * cdk-nag's AwsSolutions pack on what the library deploys: the example app (bin/app.ts on
 * examples/plan.json), a Migration with every option, every other construct with every option, and a
 * MigrationPipeline of the example (CDK Pipelines' roles and projects, and the stages' stacks).
 * Nothing is left unacknowledged, errors and warnings alike; every acknowledgement the library
 * records is of a finding that is really there; and the README lists every rule acknowledged.
 *
 * cdk-nag is a devDependency: the library records its acknowledgements without importing it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, RemovalPolicy, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { AwsSolutionsChecks } from 'cdk-nag';
import {
  ConnectorFirewallRules, LandingZone, LicenseType, Migration, MigrationIam, MigrationPipeline, MigrationPlan, ReplicationFrequency, ReplicationJob,
  ReplicationServer, ReportFormat, SeedTime, SmsServiceRole, UnknownPolicy,
} from '../../lib';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLE_PLAN = path.join(ROOT, 'examples', 'plan.json');
const ENV: StackProps['env'] = { account: '123456789012', region: 'eu-west-1' };

/** The key under which `Validations.of(scope).acknowledge()` records acknowledgements. */
const ACKNOWLEDGED_RULES = 'aws:cdk:acknowledged-rules';

/** A finding: the rule (with the finding of a granular rule) and the path of the resource. */
interface Finding {
  readonly rule: string;
  readonly severity: string;
  readonly path: string;
}

const outdirs: string[] = [];

function newApp(): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-nag-'));
  outdirs.push(outdir);
  return new App({ outdir });
}

afterAll(() => {
  for (const dir of outdirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * What the pack finds in `app` once it is synthesized (so that aspects have run), with the
 * acknowledgements applied or, with `ignoreAcknowledgements`, everything it would find without them.
 */
function findings(app: App, options: { ignoreAcknowledgements?: boolean } = {}): Finding[] {
  app.synth();
  const pack = new AwsSolutionsChecks();
  if (options.ignoreAcknowledgements === true) {
    // A private method of cdk-nag 3's NagPack: should it be renamed, this patch does nothing and
    // "every acknowledgement is of a finding" fails loudly rather than passing.
    (pack as unknown as { isAcknowledged(): boolean }).isAcknowledged = () => false;
  }
  return pack.validateScope(app).violations.flatMap((violation) => violation.violatingResources
    .map((resource) => ({ rule: violation.ruleName, severity: violation.severity ?? '', path: resource.constructPath ?? '' })));
}

/** An acknowledgement recorded with CDK's `Validations.of(scope).acknowledge()`. */
interface Acknowledgement {
  /** The path of the construct it is recorded on. */
  readonly path: string;
  /** The rule, and the finding of a granular rule: `AwsSolutions-IAM5[Resource::*]`. */
  readonly id: string;
  readonly reason: string;
}

/** The AwsSolutions acknowledgements recorded in `app`. */
function acknowledgements(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((construct) => construct.node.metadata
    .filter((entry) => entry.type === ACKNOWLEDGED_RULES)
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
    .map(([key, reason]) => ({ path: construct.node.path, id: key.replace(/^annotation::/i, ''), reason }))
    .filter((ack) => ack.id.startsWith('AwsSolutions-')));
}

/** The example app: what `cdk synth` defines from bin/app.ts and the shipped plan. */
function exampleApp(): App {
  const app = newApp();
  new Migration(app, 'Migration', { plan: MigrationPlan.fromFile(EXAMPLE_PLAN) });
  return app;
}

/** A migration with every option, using the library's own SMS role. */
function migrationWithEveryOption(): App {
  const app = newApp();
  const roles = new Stack(app, 'Roles', { env: ENV });
  const smsRole = new SmsServiceRole(roles, 'SmsRole', { roleName: 'sms-replication', description: 'SMS replication jobs' });
  new Migration(app, 'Migration', {
    plan: MigrationPlan.fromFile(EXAMPLE_PLAN),
    waves: ['wave-1', 'wave-2'],
    stackProps: { env: ENV, description: 'SMS migration' },
    stackNamePrefix: 'Sms',
    role: smsRole.role,
    removalPolicy: RemovalPolicy.RETAIN,
    unknownPolicy: UnknownPolicy.WARN,
    jobQuota: 60,
    jobsPerStack: 20,
    shardsPerWave: 2,
    reportFileName: 'assessment',
    reportFormats: Object.values(ReportFormat),
    firewallRulesFileName: 'firewall-rules',
  });
  return app;
}

/** Every other construct of the library, with every option. */
function everyConstruct(): App {
  const app = newApp();
  const stack = new Stack(app, 'Stack', { env: ENV });
  new LandingZone(stack, 'LandingZone', {
    natGateways: 2,
    remoteAccessPeers: [ec2.Peer.ipv4('10.20.0.0/16'), ec2.Peer.prefixList('pl-0123456789abcdef0')],
    allowAllOutbound: false,
  }).addElasticIp('Web01Address', { vmName: 'web-01' });
  const vpc = new ec2.Vpc(stack, 'OwnVpc', { flowLogs: { FlowLog: {} } });
  new LandingZone(stack, 'LandingZoneInOwnVpc', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
  const iamPrereqs = new MigrationIam(stack, 'Iam', {
    useServiceLinkedRole: false, connectors: ['vcenter-dc1', 'scvmm-dc2'], connectorAccessKeys: true, launchRole: true,
  });
  new MigrationIam(stack, 'ServiceLinkedIam', { useServiceLinkedRole: true, createServiceLinkedRole: true });
  // The user's key, not the library's: rotated, as the pack asks of every key.
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  iamPrereqs.serviceRole!.grantEncryptionKey(key);
  new ReplicationJob(stack, 'Job', {
    server: ReplicationServer.fromVmPath('/DC1/vm/wave-1/web-01'),
    frequency: ReplicationFrequency.every(Duration.hours(6)),
    seedTime: SeedTime.atIso('2026-12-01T02:00:00Z'),
    licenseType: LicenseType.BYOL,
    numberOfRecentAmisToKeep: 5,
    encryptionKey: key,
    encrypted: true,
    role: iamPrereqs.smsRole,
    description: 'web tier',
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new ConnectorFirewallRules(stack, 'FirewallRules', { connectors: MigrationPlan.fromFile(EXAMPLE_PLAN).plan.connectors ?? [] });
  return app;
}

/** The example plan migrated from a pipeline: CDK Pipelines' roles and projects, and the stages' stacks. */
function migrationPipeline(): App {
  const app = newApp();
  const stack = new Stack(app, 'MigrationPipeline', { env: ENV });
  new MigrationPipeline(stack, 'Pipeline', {
    migration: { plan: MigrationPlan.fromFile(EXAMPLE_PLAN) },
    input: pipelines.CodePipelineSource.connection('org/migration', 'main', {
      connectionArn: 'arn:aws:codestar-connections:eu-west-1:123456789012:connection/0a1b2c3d',
    }),
  });
  return app;
}

/** What the pack makes of one app, worked out once: each synthesis takes seconds. */
interface Checked {
  readonly found: Finding[];
  readonly raw: Finding[];
  readonly acks: Acknowledgement[];
}

const APPS: [string, () => App][] = [
  ['the example app', exampleApp],
  ['a migration with every option', migrationWithEveryOption],
  ['every other construct with every option', everyConstruct],
  ['a migration pipeline', migrationPipeline],
];

const checked = new Map<string, Checked>();

beforeAll(() => {
  for (const [name, build] of APPS) {
    const app = build();
    checked.set(name, { found: findings(app), raw: findings(app, { ignoreAcknowledgements: true }), acks: acknowledgements(app) });
  }
});

describe('cdk-nag AwsSolutions', () => {
  test.each(APPS.map(([name]) => name))('finds nothing unacknowledged in %s', (name) => {
    // GIVEN / WHEN the app checked
    const { found } = checked.get(name)!;

    // THEN no error and no warning
    expect(found).toEqual([]);
  });

  test.each(APPS.map(([name]) => name))('finds every acknowledged finding of %s, on the construct acknowledged or below it', (name) => {
    // GIVEN / WHEN the app checked without its acknowledgements
    const { raw, acks } = checked.get(name)!;

    // THEN each acknowledgement matches a finding: none is kept after its cause is gone
    expect(acks.length).toBeGreaterThan(0);
    const stale = acks.filter((ack) => !raw.some((f) => f.rule === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`))));
    expect(stale).toEqual([]);
  });

  test('passes as a validation plugin of a synthesis, as users run cdk-nag 3', () => {
    // GIVEN
    const app = exampleApp();

    // WHEN
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    // THEN
    expect(() => app.synth()).not.toThrow();
  });

  test('the README lists every rule the library acknowledges with its reason, and no other rule', () => {
    // GIVEN the acknowledgements of all the apps
    const acks = [...checked.values()].flatMap((c) => c.acks);

    // WHEN the table of the README's cdk-nag section is read
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = /\n## cdk-nag\n([\s\S]*?)(?=\n## |$)/.exec(readme)?.[1] ?? '';
    const rows = section.split('\n').filter((line) => /^\| AwsSolutions-/.test(line));

    // THEN its rules are those acknowledged, and each reason is there word for word
    expect(new Set(rows.map((row) => row.split('|')[1].trim()))).toEqual(new Set(acks.map((ack) => ack.id.replace(/\[.*\]$/, ''))));
    expect([...new Set(acks.map((ack) => ack.reason))].filter((reason) => !rows.some((row) => row.includes(`| ${reason} |`)))).toEqual([]);
  });
});
