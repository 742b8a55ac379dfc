import { RemovalPolicy, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { UnknownPolicy } from '../assessment/types';
import { IOrganizationRulePack } from '../organization/organization-rule-pack';
import { ReportFormat } from '../report/format';
import { MigrationPlan } from './migration-plan';
import { MigrationStacks } from './migration-stacks';

/** Properties of a `Migration`. */
export interface MigrationProps {
  /** The migration plan: `MigrationPlan.fromFile('plan.json')` or `MigrationPlan.fromPlan({...})`. */
  readonly plan: MigrationPlan;

  /**
   * The waves to define stacks for. VMs of other waves, and the unscheduled VMs of a plan that uses
   * waves (those that name none), are assessed and reported but not deployed, and their findings do
   * not fail synthesis. A plan in which no VM names a wave is one wave, named `all`.
   *
   * @default - every wave the plan names, or the whole plan when it names none
   */
  readonly waves?: string[];

  /**
   * Which of the migration's stacks to define: all of them, only the stack the waves share (the SMS
   * provider stack, the MGN account stack), or only the wave stacks, which then call the shared stack's
   * provider by name and depend on no stack. A pipeline deploys the shared stack in one stage and each
   * wave in a stage of its own (`MigrationPipeline` does).
   *
   * @default MigrationStacks.ALL
   */
  readonly stacks?: MigrationStacks;

  /**
   * Properties for every wave stack and the provider stack, such as the account and Region (`env`). A plan is one account
   * and Region: the SMS quota of concurrent jobs (SMS-JOB4) is counted over each of its waves.
   *
   * @default - environment-agnostic stacks
   */
  readonly stackProps?: StackProps;

  /**
   * The start of every stack's name: `<prefix>-<wave>`, `<prefix>-<wave>-<n>` for the shards of a wave
   * that needs several stacks, and `<prefix>-provider` for the provider stack, whose function the jobs
   * call by name (`<prefix>-provider-onEvent`): two migrations deployed to one account and Region need
   * different prefixes.
   *
   * @default - the construct's id
   */
  readonly stackNamePrefix?: string;

  /**
   * The IAM role SMS uses for every job.
   *
   * @default - SMS's service-linked role
   */
  readonly role?: iam.IRole;

  /**
   * What happens to a job removed from the plan, or when a wave stack is deleted.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * MGN: the VPC of the staging area, in which the replication servers' security group is defined.
   *
   * @default - the VPC of the staging subnet (the plan's `mgn.network.stagingSubnet`, else
   * `mgnStagingSubnetId`), looked up at deployment; without a staging subnet, a VPC the library defines
   * with one private isolated subnet and endpoints for MGN, EC2 and S3
   */
  readonly mgnStagingVpc?: ec2.IVpc;

  /**
   * MGN: the staging subnet (`subnet-` id), when the plan's `mgn.network.stagingSubnet` gives none; the
   * two may not differ.
   *
   * @default - the plan's `mgn.network.stagingSubnet`, else a private subnet of `mgnStagingVpc`, else the library's own VPC's
   */
  readonly mgnStagingSubnetId?: string;

  /**
   * MGN: whether the account stack defines the IAM roles MGN expects (`MgnServiceRoles`). Set it to
   * false in an account whose MGN was initialized before (the roles exist, and defining them again
   * fails), and for every migration but one of an account: IAM roles are global to the account.
   *
   * @default true
   */
  readonly mgnServiceRoles?: boolean;

  /**
   * MGN: what happens to a source server whose VM leaves the plan (or whose wave stack is deleted):
   * `RETAIN` leaves it in MGN as it is; `DESTROY` takes it out of its application, disconnects it when
   * MGN allows it and archives it.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly serverRemovalPolicy?: RemovalPolicy;

  /**
   * MGN: the value of every source server's `Refresh` property. A change makes the handler look for
   * every server again and re-apply its settings, so a deploy completes servers that registered since
   * the last one. Give a fixed value for a synthesis that must not change the templates (tests, diffs).
   *
   * @default - a new value at each synthesis
   */
  readonly serverRefresh?: string;

  /**
   * MGN: whether each wave stack defines the wave's cutover runbook (`MgnCutoverRunbook`): a state machine
   * that waits for the servers, launches the test, waits for an approval, cuts over, waits for another,
   * finalizes and archives.
   *
   * @default false
   */
  readonly mgnCutoverRunbooks?: boolean;

  /**
   * MGN: the ARN of the role whose temporary credentials install the replication agent, written into
   * the install commands (`<construct id>.mgn-install-commands.json` and `.md`, one command per agent
   * VM of the deployed waves), such as `MgnAgentInstallationRole.role.roleArn` when that role has a
   * fixed name. A token that resolves only at deployment is written as `<installation-role-arn>`.
   *
   * @default - `<installation-role-arn>` in the commands, for the reader to replace
   */
  readonly mgnInstallationRoleArn?: string;

  /**
   * MGN: the DNS names of the interface VPC endpoint of MGN and of the S3 endpoint that the source
   * servers reach, written into the install commands as `--endpoint` and `--s3-endpoint`, when the
   * agents must not use the public Regional endpoints.
   *
   * @default - MGN's and S3's public Regional endpoints
   */
  readonly mgnAgentEndpoints?: MgnAgentEndpoints;

  /**
   * How a rule that cannot decide for a missing fact is reported: as a warning (the VM's verdict is
   * `unknown`, synthesis goes on), or as an error (synthesis fails).
   *
   * @default UnknownPolicy.WARN
   */
  readonly unknownPolicy?: UnknownPolicy;

  /**
   * The assessment day, `YYYY-MM-DD` (UTC): MGN's rules judge an OS's retirement on each VM's wave
   * cutover, never before this day. Set it to make synthesis give the same verdicts on every day (a
   * pipeline replaying a plan); leave it out to judge on the day of synthesis.
   *
   * @default - the day of synthesis
   */
  readonly asOf?: string;

  /**
   * The concurrent replication jobs SMS allows in the plan's account and Region (SMS-JOB4); raise it
   * when AWS Support has raised the quota.
   *
   * @default 50
   */
  readonly jobQuota?: number;

  /**
   * The most replication jobs one stack holds, at most 450. CloudFormation allows 500 resources per
   * stack; each job is one (the handler's resources are in the migration's provider stack).
   *
   * @default 400
   */
  readonly jobsPerStack?: number;

  /**
   * How many stacks each wave is split into. A VM's stack follows from its name alone, so adding
   * or removing VMs never moves another VM between stacks while this number stays the same; set it
   * for waves that grow, since the automatic count doubles when a wave outgrows it (moving about
   * half of its VMs, each of which then replicates anew).
   *
   * @default - as few as hold the wave: 1, 2, 4, ... stacks, each filled to three quarters of `jobsPerStack` at most
   */
  readonly shardsPerWave?: number;

  /**
   * The name, without extension, of the assessment reports written into the cloud assembly folder at
   * each synthesis. Each format adds its own extension: `.json`, `.md`, `.html`, `.junit.xml`, `.sarif`.
   *
   * @default - `<construct id>.sms-assessment`
   */
  readonly reportFileName?: string;

  /**
   * The formats of the assessment reports written beside each other into the cloud assembly folder at
   * each synthesis. An empty list writes none.
   *
   * @default - JSON, Markdown and HTML
   */
  readonly reportFormats?: ReportFormat[];

  /**
   * The name (without extension) of the connector firewall rules written beside it, as JSON and CSV,
   * for the network team: every rule each connector of the plan needs (SMS-CON6), and whether the
   * plan's declared rules already allow it.
   *
   * @default - `<construct id>.connector-firewall-rules`
   */
  readonly firewallRulesFileName?: string;

  /**
   * Organisation rule packs that judge the plan with the rules of its target, in order: their rules'
   * errors fail synthesis like the library's, their warnings annotate, and every report lists them; their
   * severity raises and unacknowledgeable rules apply, and their defaults lie beneath the plan's (for
   * the assessment and the deployment alike). The plan's acknowledgements may name their rules.
   *
   * @default - the library's rules alone
   */
  readonly rulePacks?: IOrganizationRulePack[];
}

/** Options of an acknowledgement given in code. */
export interface AcknowledgeOptions {
  /**
   * Name globs (`*`, `?`) of the VMs (or connectors) it covers.
   *
   * @default - every VM and connector of the plan
   */
  readonly vms?: string[];
}

/** The private endpoints MGN's replication agents reach, for the install commands. */
export interface MgnAgentEndpoints {
  /**
   * The DNS name of an interface VPC endpoint of MGN.
   *
   * @default - MGN's public Regional endpoint
   */
  readonly mgn?: string;

  /**
   * The DNS name of an S3 VPC endpoint.
   *
   * @default - S3's public Regional endpoint
   */
  readonly s3?: string;
}
