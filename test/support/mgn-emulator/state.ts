import { createRng } from '../sms-emulator/prng';
import { MgnIdFactory } from './ids';

/**
 * The emulator's state: one account and Region. Plain records, read and written by the operations, the
 * EC2 stub and the test control API. No wall clock: dates come from a logical clock that moves one second
 * per write, so runs repeat exactly.
 */

/** A JSON object as sent or received. */
export type Wire = Record<string, unknown>;

/** Options of `startMgnEmulator`. */
export interface MgnEmulatorOptions {
  /** Seed of ids and faults. @default 1 */
  readonly seed?: number | string;
  /** Path of mgn-model.json. @default - ../shared/reference/mgn-model.json beside the repository */
  readonly modelPath?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default '111122223333' */
  readonly accountId?: string;
  /** Start with MGN initialized. @default false */
  readonly initialized?: boolean;
  /** Folder standing in for S3: StartImport reads `<s3Root>/<bucket>/<key>`. @default - no folder: every object is missing */
  readonly s3Root?: string;
  /** ListImports calls that move an import one step (PENDING → STARTED → SUCCEEDED/FAILED). @default 1 */
  readonly importSteps?: number;
  /** Servers that may replicate at once; StartReplication beyond it answers 402. @default 150 */
  readonly replicationQuota?: number;
  /** List/Describe calls for which a new application, wave or server stays invisible. @default 0 */
  readonly invisibleReads?: number;
  /** Validate every response against the model (a failure is an emulator bug, answered 500). @default true */
  readonly checkResponses?: boolean;
  /** MGN requests `requests` keeps, the last ones (a long run that counts every request raises it). @default 10,000 */
  readonly requestLogLimit?: number;
  /** DescribeJobs calls naming a job that move it one step (PENDING → STARTED → COMPLETED). @default 1 */
  readonly jobSteps?: number;
  /** Source servers in all unfinished launch jobs; a StartTest or StartCutover beyond it answers 409. @default 200 */
  readonly serversInActiveJobs?: number;
}

/** A source server. */
export interface ServerRecord {
  readonly id: string;
  readonly arn: string;
  readonly seq: number;
  isArchived: boolean;
  state: string;
  replicationType: string;
  dataReplicationState: string;
  /** The replication state before a pause. */
  pausedFrom?: string;
  lagDuration?: string;
  userProvidedID?: string;
  fqdnForActionFramework?: string;
  platform?: string;
  hints: { fqdn?: string; hostname?: string; vmWareUuid?: string; vmPath?: string };
  vcenterClientID?: string;
  applicationID?: string;
  launchedInstance?: Wire;
  dataReplicationError?: Wire;
  /** `lifeCycle.lastTest` and `lifeCycle.lastCutover` (initiated, reverted, finalized). */
  lastTest?: Wire;
  lastCutover?: Wire;
  readonly addedAt: string;
  /** ReplicationConfiguration members except sourceServerID. */
  replication: Wire;
  /** LaunchConfiguration members except sourceServerID and ec2LaunchTemplateID. */
  launch: Wire;
  readonly launchTemplateId: string;
  hiddenReads: number;
}

/** An application or a wave. */
export interface GroupRecord {
  readonly id: string;
  readonly arn: string;
  readonly seq: number;
  name: string;
  description?: string;
  isArchived: boolean;
  /** Applications only: the wave. */
  waveID?: string;
  readonly created: string;
  modified: string;
  hiddenReads: number;
}

/** A replication or launch configuration template: its members as the API returns them (no tags). */
export interface TemplateRecord {
  readonly id: string;
  readonly arn: string;
  readonly seq: number;
  body: Wire;
}

/** An import task. */
export interface ImportRecord {
  readonly id: string;
  readonly seq: number;
  readonly bucket: string;
  readonly key: string;
  readonly clientToken?: string;
  status: 'PENDING' | 'STARTED' | 'SUCCEEDED' | 'FAILED';
  readonly created: string;
  ended?: string;
  /** ListImports calls seen in the current status. */
  polls: number;
  summary?: Wire;
  errors: Wire[];
}

/** One server of a job, and how its launch goes. */
export interface JobParticipantRecord {
  readonly sourceServerID: string;
  launchStatus: 'PENDING' | 'IN_PROGRESS' | 'LAUNCHED' | 'FAILED' | 'TERMINATED';
  launchedEc2InstanceID?: string;
  /** Why its launch fails, decided when the job starts (a `failLaunch` of the test). */
  failure?: string;
}

/** A job: a test or cutover launch (StartTest, StartCutover). */
export interface JobRecord {
  readonly id: string;
  readonly arn: string;
  readonly seq: number;
  readonly type: 'LAUNCH' | 'TERMINATE';
  readonly initiatedBy: 'START_TEST' | 'START_CUTOVER' | 'TERMINATE';
  readonly created: string;
  ended?: string;
  status: 'PENDING' | 'STARTED' | 'COMPLETED';
  /** DescribeJobs calls seen in the current status. */
  polls: number;
  readonly participants: JobParticipantRecord[];
  /** `JobLog` items, oldest first. */
  readonly logs: Wire[];
}

/** One version of an EC2 launch template; `data` is shaped like the SDK's `ResponseLaunchTemplateData`. */
export interface LaunchTemplateVersionRecord {
  readonly number: number;
  readonly description?: string;
  readonly created: string;
  readonly data: Wire;
}

/** An EC2 launch template (one per source server, one per LCT). */
export interface LaunchTemplateRecord {
  readonly id: string;
  readonly name: string;
  readonly created: string;
  defaultVersion: number;
  latestVersion: number;
  readonly versions: Map<number, LaunchTemplateVersionRecord>;
  /** ClientToken → version number. */
  readonly tokens: Map<string, number>;
  readonly tags: Record<string, string>;
}

/** A vCenter Client (agentless discovery). */
export interface VcenterClientRecord {
  readonly id: string;
  readonly arn: string;
  readonly hostname: string;
  readonly seq: number;
}

const BASE_TIME = Date.UTC(2026, 11, 1, 0, 0, 0);

/** Everything the emulator knows. */
export class MgnStore {
  public initialized: boolean;
  public readonly servers = new Map<string, ServerRecord>();
  public readonly applications = new Map<string, GroupRecord>();
  public readonly waves = new Map<string, GroupRecord>();
  public readonly rcts = new Map<string, TemplateRecord>();
  public readonly lcts = new Map<string, TemplateRecord>();
  public readonly imports = new Map<string, ImportRecord>();
  public readonly tags = new Map<string, Record<string, string>>();
  public readonly launchTemplates = new Map<string, LaunchTemplateRecord>();
  public readonly vcenterClients = new Map<string, VcenterClientRecord>();
  public readonly jobs = new Map<string, JobRecord>();
  /** Server id → the reasons its next launches fail, one per launch (the test control `failLaunch`). */
  public readonly launchFailures = new Map<string, string[]>();
  /** Emulator bugs seen (invalid responses, crashes). */
  public readonly diagnostics: string[] = [];
  public readonly ids: MgnIdFactory;
  public readonly region: string;
  public readonly accountId: string;
  private seq = 0;
  private ticks = 0;

  constructor(public readonly options: MgnEmulatorOptions) {
    this.ids = new MgnIdFactory(createRng(options.seed ?? 1, 'ids'));
    this.initialized = options.initialized ?? false;
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '111122223333';
  }

  /** A fresh sequence number (creation order; paging key). */
  public nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** The logical clock: an ISO-8601 instant one second after the previous one. */
  public now(): string {
    this.ticks += 1;
    return new Date(BASE_TIME + this.ticks * 1000).toISOString().replace('.000Z', 'Z');
  }

  /** `arn:aws:mgn:<region>:<account>:<type>/<id>`. */
  public arn(type: string, id: string): string {
    return `arn:aws:mgn:${this.region}:${this.accountId}:${type}/${id}`;
  }

  /** Tags of an ARN (a live object). */
  public tagsOf(arn: string): Record<string, string> {
    let t = this.tags.get(arn);
    if (!t) {
      t = {};
      this.tags.set(arn, t);
    }
    return t;
  }

  /** Applications of a wave. */
  public appsOfWave(waveID: string): GroupRecord[] {
    return [...this.applications.values()].filter((a) => a.waveID === waveID);
  }

  /** Servers of an application. */
  public serversOfApp(applicationID: string): ServerRecord[] {
    return [...this.servers.values()].filter((s) => s.applicationID === applicationID);
  }

  /** Creates an EC2 launch template with version 1 (`data`), the default. */
  public createLaunchTemplate(name: string, data: Wire): LaunchTemplateRecord {
    const id = this.ids.hex('lt-');
    const created = this.now();
    const lt: LaunchTemplateRecord = {
      id, name: `${name}-${id}`, created, defaultVersion: 1, latestVersion: 1,
      versions: new Map([[1, { number: 1, created, data }]]), tokens: new Map(),
      tags: { AWSApplicationMigrationServiceManaged: 'mgn.amazonaws.com' },
    };
    this.launchTemplates.set(id, lt);
    return lt;
  }
}
