import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ErrorCollector } from '../../errors';
import { checkValue } from './checks';
import { Plan } from '../../plan/model/plan';
import { validateFileName } from '../../network/connector-firewall-rules-construct';
import { AssemblyFiles } from './assembly-files';
import {
  MgnInstallCommandsDocument, mgnInstallCommandsFor, REGION_PLACEHOLDER, renderMgnInstallCommandsJson, renderMgnInstallCommandsMarkdown,
} from './install-commands';
import { DNS_NAME, REGION_CODE } from './installers';

/** Properties of `MgnInstallCommands`. */
export interface MgnInstallCommandsProps {
  /** The plan whose agent VMs get install commands. */
  readonly plan: Plan;

  /**
   * The name of the files written into the cloud assembly, without extension: `<fileName>.json` and
   * `<fileName>.md`. Letters, digits, `.`, `_` and `-`, starting with a letter or a digit.
   *
   * @default '<id>.mgn-install-commands'
   */
  readonly fileName?: string;

  /**
   * The Region the agents register in.
   *
   * @default - the plan's `mgn.region`, else the stack's Region; `<region>` in the files when the stack
   * is environment-agnostic (with a warning)
   */
  readonly region?: string;

  /**
   * The DNS name of an interface VPC endpoint of MGN that the source servers reach, passed as `--endpoint`.
   *
   * @default - MGN's public Regional endpoint
   */
  readonly endpoint?: string;

  /**
   * The DNS name of an S3 VPC endpoint that the source servers reach, passed as `--s3-endpoint`.
   *
   * @default - S3's public Regional endpoint
   */
  readonly s3Endpoint?: string;

  /**
   * The ARN of the role whose temporary credentials install the agents, such as
   * `MgnAgentInstallationRole.role.roleArn` when the role has a fixed name, or the ARN of a role made
   * elsewhere. A token that resolves only at deployment is written as `<installation-role-arn>`.
   *
   * @default - `<installation-role-arn>`, for the reader to replace
   */
  readonly installationRoleArn?: string;
}

/**
 * Writes, into the cloud assembly at synth, the command that installs MGN's replication agent on each
 * agent VM of a plan (`<fileName>.json` for tools, `<fileName>.md` for people), with the
 * `aws sts assume-role` command that gives the installer its temporary credentials. Agentless VMs are
 * listed with the connector whose vCenter Client replicates them. Nothing is deployed.
 *
 * @example
 * new MgnInstallCommands(this, 'InstallCommands', { plan, installationRoleArn: 'arn:aws:iam::123456789012:role/mgn-agent-install' });
 */
export class MgnInstallCommands extends Construct {
  /** What the files hold. */
  public readonly document: MgnInstallCommandsDocument;

  /** The name of the JSON file in the cloud assembly. */
  public readonly jsonFileName: string;

  /** The name of the Markdown file in the cloud assembly. */
  public readonly markdownFileName: string;

  constructor(scope: Construct, id: string, props: MgnInstallCommandsProps) {
    super(scope, id);
    const fileName = props.fileName ?? `${id}.mgn-install-commands`;
    const errors = new ErrorCollector(this);
    validateFileName(fileName, errors);
    checkValue(errors, 'region', props.region, REGION_CODE, 'a Region code such as eu-west-1');
    checkValue(errors, 'endpoint', props.endpoint, DNS_NAME, 'the DNS name of an interface VPC endpoint of MGN');
    checkValue(errors, 's3Endpoint', props.s3Endpoint, DNS_NAME, 'the DNS name of an S3 VPC endpoint');
    errors.throwIfAny();

    const stackRegion = Stack.of(this).region;
    const region = props.region ?? props.plan.mgn?.region ?? (Token.isUnresolved(stackRegion) ? undefined : stackRegion);
    if (region === undefined) {
      Annotations.of(this).addWarningV2('cdk-sms-migration:MgnInstallRegionUnknown',
        `the stack has no Region and the plan no mgn.region: the install commands say ${REGION_PLACEHOLDER}, `
        + 'set the stack\'s env, the plan\'s mgn.region or the region prop');
    }
    const roleArn = props.installationRoleArn !== undefined && !Token.isUnresolved(props.installationRoleArn)
      ? props.installationRoleArn : undefined;
    this.document = mgnInstallCommandsFor(props.plan, {
      region, endpoint: props.endpoint, s3Endpoint: props.s3Endpoint, installationRoleArn: roleArn,
    });
    this.jsonFileName = `${fileName}.json`;
    this.markdownFileName = `${fileName}.md`;
    AssemblyFiles.of(this, {
      [this.jsonFileName]: renderMgnInstallCommandsJson(this.document),
      [this.markdownFileName]: renderMgnInstallCommandsMarkdown(this.document),
    });
  }
}
