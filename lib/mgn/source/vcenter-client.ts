import { SecretValue, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ErrorCollector } from '../../errors';
import { Connector, Hypervisor, Plan, ReplicationMethod } from '../../plan/model/plan';
import { acknowledgeNagFindings } from '../../private/nag-acknowledgements';
import { escapeJsonControls } from '../../private/visible-controls';
import { mgnPlanFacts } from '../../rules/mgn/plan-facts';
import { DEFAULT_VCENTER_PORT } from '../../rules/sms/facts/connector-firewall';
import { validateFileName } from '../../network/connector-firewall-rules-construct';
import { MgnAccessKeyKey } from './agent-installation-role';
import { AssemblyFiles } from './assembly-files';
import { checkValue } from './checks';
import { REGION_PLACEHOLDER } from './install-commands';
import {
  AGENT_POLICY, DNS_NAME, REGION_CODE, VCENTER_CLIENT_INSTALLER, VCENTER_CLIENT_POLICY, vcenterClientInstallerHashUrl,
  vcenterClientInstallerUrl,
} from './installers';

/** What the settings file says where the vCenter's host is not given. */
export const VCENTER_HOST_PLACEHOLDER = '<vcenter-host>';

/** The connectors of a plan that need a vCenter Client: `vmware` connectors serving an agentless VM, in name order. */
export function vcenterClientConnectors(plan: Plan): Connector[] {
  const facts = mgnPlanFacts(plan.vms, { plan });
  return (plan.connectors ?? [])
    .filter((c) => c.hypervisor === Hypervisor.VMWARE && facts.agentlessConnectors.has(c.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Properties of `MgnVcenterClientAccess`. */
export interface MgnVcenterClientAccessProps {
  /** The plan. */
  readonly plan: Plan;

  /** The plan's connector whose vCenter Client this is: a `vmware` connector. */
  readonly connectorName: string;

  /**
   * The vCenter's IP address or host name, which the client installer asks for (the plan does not record it).
   *
   * @default - `<vcenter-host>` in the settings file, for the reader to replace
   */
  readonly vcenterHost?: string;

  /**
   * The Region the client registers in.
   *
   * @default - the plan's `mgn.region`, else the stack's Region, else `<region>`
   */
  readonly region?: string;

  /** The DNS name of an interface VPC endpoint of MGN that the client reaches. @default - MGN's public endpoint */
  readonly endpoint?: string;

  /** The DNS name of an S3 VPC endpoint that the client reaches. @default - S3's public endpoint */
  readonly s3Endpoint?: string;

  /**
   * The name of the secret that holds the user's access key, written into the settings file.
   *
   * @default - a name CloudFormation generates (the settings file then names the secret by its construct path)
   */
  readonly secretName?: string;

  /**
   * The name of the settings file written into the cloud assembly, without extension.
   *
   * @default '<id>.mgn-vcenter-client'
   */
  readonly fileName?: string;
}

/** The vCenter a vCenter Client connects to. */
export interface MgnVcenterEndpoint {
  /** The vCenter's host name or IP address. */
  readonly host: string;
  /** The vCenter's HTTPS port. */
  readonly port: number;
}

/** Where a vCenter Client's installer is, and the commands that run it. */
export interface MgnVcenterClientInstaller {
  /** The installer's download address in the Region. */
  readonly url: string;
  /** The address of the installer's SHA-512 hash. */
  readonly sha512Url: string;
  /** The commands that download and run the installer, in order. */
  readonly commands: string[];
}

/** One prompt of the vCenter Client installer and what to answer. */
export interface MgnInstallerPrompt {
  /** The prompt, as the installer shows it. */
  readonly prompt: string;
  /** What to answer. */
  readonly answer: string;
}

/** Where a vCenter Client's access key is kept: the secret, and the keys of its JSON. */
export interface MgnVcenterClientCredentials {
  /** The secret's name. */
  readonly secret: string;
  /** The JSON key of the access key id. */
  readonly accessKeyIdKey: string;
  /** The JSON key of the secret access key. */
  readonly secretAccessKeyKey: string;
}

/** The settings file of one vCenter Client. */
export interface MgnVcenterClientSettings {
  /** The connector the client serves. */
  readonly connector: string;
  /** The Region the client replicates into. */
  readonly region: string;
  /** The vCenter the client connects to. */
  readonly vcenter: MgnVcenterEndpoint;
  /** The installer and the commands that run it. */
  readonly installer: MgnVcenterClientInstaller;
  /**
   * The answers to the installer's prompts, in the order it asks (MGN's guide documents these values as
   * prompts; the only flags it documents are `--proxy-address` and `--vcenter-client-tags`).
   */
  readonly prompts: MgnInstallerPrompt[];
  /** Where the access key is: the secret, and the keys of its JSON. */
  readonly credentials: MgnVcenterClientCredentials;
  /** The policies of the client's user. */
  readonly managedPolicies: string[];
  /** The agentless VMs of the plan that the client replicates. */
  readonly vms: string[];
}

/**
 * The AWS side of one MGN vCenter Client, for agentless replication: an IAM user with the managed
 * policies MGN's guide gives the client (`AWSApplicationMigrationVCenterClientPolicy` and
 * `AWSApplicationMigrationAgentPolicy`) and an access key kept only in a Secrets Manager secret (the
 * installer asks for an access key and a secret key, not for temporary credentials), plus the client's
 * settings written into the cloud assembly at synth (`<fileName>.json`): Region, vCenter, installer
 * commands and the answers to its prompts.
 *
 * @example
 * for (const connector of vcenterClientConnectors(plan)) {
 *   new MgnVcenterClientAccess(this, `VcenterClient-${connector.name}`, { plan, connectorName: connector.name, vcenterHost: 'vcenter.dc1.example' });
 * }
 */
export class MgnVcenterClientAccess extends Construct implements iam.IGrantable {
  /** The client's user. */
  public readonly user: iam.IUser;

  /** The secret holding the user's access key, as JSON with the keys of `MgnAccessKeyKey`. */
  public readonly secret: secretsmanager.ISecret;

  /** The user. */
  public readonly grantPrincipal: iam.IPrincipal;

  /** What the settings file holds. */
  public readonly settings: MgnVcenterClientSettings;

  /** The name of the settings file in the cloud assembly. */
  public readonly settingsFileName: string;

  constructor(scope: Construct, id: string, props: MgnVcenterClientAccessProps) {
    super(scope, id);
    const fileName = props.fileName ?? `${id}.mgn-vcenter-client`;
    const errors = new ErrorCollector(this);
    validateFileName(fileName, errors);
    checkValue(errors, 'region', props.region, REGION_CODE, 'a Region code such as eu-west-1');
    checkValue(errors, 'endpoint', props.endpoint, DNS_NAME, 'the DNS name of an interface VPC endpoint of MGN');
    checkValue(errors, 's3Endpoint', props.s3Endpoint, DNS_NAME, 'the DNS name of an S3 VPC endpoint');
    checkValue(errors, 'vcenterHost', props.vcenterHost, /^[^\s]{1,253}$/, 'an IP address or a host name');
    if (props.secretName !== undefined && Token.isUnresolved(props.secretName)) {
      errors.add('cdk-sms-migration:UnresolvedSourceSetting', 'secretName is a token, give a plain value: it is written into files at synth');
    }
    const connector = (props.plan.connectors ?? []).find((c) => c.name === props.connectorName);
    if (connector === undefined) {
      errors.add('cdk-sms-migration:UnknownConnector', `connectorName ${props.connectorName} is not a connector of the plan, `
        + `use one of ${(props.plan.connectors ?? []).map((c) => c.name).join(', ') || '(none)'}`);
    } else if (connector.hypervisor !== Hypervisor.VMWARE) {
      errors.add('cdk-sms-migration:NotVcenterConnector', `connector ${connector.name} is ${connector.hypervisor}: `
        + 'MGN\'s vCenter Client serves vmware connectors only');
    }
    errors.throwIfAny();

    const user = new iam.User(this, 'Resource', {
      managedPolicies: [VCENTER_CLIENT_POLICY, AGENT_POLICY].map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    acknowledgeManagedPolicies(user);
    const accessKey = new iam.AccessKey(this, 'AccessKey', { user });
    const secret = new secretsmanager.Secret(this, 'Credentials', {
      secretName: props.secretName,
      description: `Access key of the IAM user of the MGN vCenter Client of connector ${props.connectorName} (cdk-sms-migration)`,
      secretObjectValue: {
        [MgnAccessKeyKey.ACCESS_KEY_ID]: SecretValue.unsafePlainText(accessKey.accessKeyId),
        [MgnAccessKeyKey.SECRET_ACCESS_KEY]: accessKey.secretAccessKey,
      },
    });
    acknowledgeNagFindings(secret, [{
      id: 'AwsSolutions-SMG4',
      reason: 'The access key is entered by hand into the MGN vCenter Client installer on premises, which no rotation function can reach',
    }]);
    this.user = user;
    this.secret = secret;
    this.grantPrincipal = user;

    const stackRegion = Stack.of(this).region;
    const region = props.region ?? props.plan.mgn?.region ?? (Token.isUnresolved(stackRegion) ? REGION_PLACEHOLDER : stackRegion);
    this.settings = vcenterClientSettings(props.plan, connector!, {
      region,
      vcenterHost: props.vcenterHost ?? VCENTER_HOST_PLACEHOLDER,
      endpoint: props.endpoint,
      s3Endpoint: props.s3Endpoint,
      secret: props.secretName ?? `the secret ${secret.node.path} (its name is generated at deployment)`,
    });
    this.settingsFileName = `${fileName}.json`;
    AssemblyFiles.of(this, { [this.settingsFileName]: `${escapeJsonControls(JSON.stringify(this.settings, undefined, 2))}\n` });
  }

  /** Lets `grantee` read the user's access key from `secret`. */
  public grantReadCredentials(grantee: iam.IGrantable): iam.Grant {
    return this.secret.grantRead(grantee);
  }
}

function acknowledgeManagedPolicies(user: iam.User): void {
  acknowledgeNagFindings(user, [{
    id: 'AwsSolutions-IAM4',
    appliesTo: [VCENTER_CLIENT_POLICY, AGENT_POLICY].map((name) => `Policy::arn:<AWS::Partition>:iam::aws:policy/${name}`),
    reason: 'MGN documents these AWS managed policies as the vCenter Client user\'s permissions, and AWS keeps them in step with the client',
  }]);
}

/** The values of a settings file that do not come from the plan. */
export interface MgnVcenterClientValues {
  /** The Region the client replicates into. */
  readonly region: string;
  /** The vCenter's host name or IP address. */
  readonly vcenterHost: string;
  /** The Private Link endpoint for MGN. @default - none: the public endpoint */
  readonly endpoint?: string;
  /** The VPC endpoint for Amazon S3. @default - none: the public endpoint */
  readonly s3Endpoint?: string;
  /** The name of the secret that keeps the client's access key. */
  readonly secret: string;
}

/** The settings file of one connector's vCenter Client: pure, for tests and tools. */
export function vcenterClientSettings(plan: Plan, connector: Connector, values: MgnVcenterClientValues): MgnVcenterClientSettings {
  const settings = mgnPlanFacts(plan.vms, { plan }).scope.settings;
  const port = connector.vcenterPort ?? DEFAULT_VCENTER_PORT;
  return {
    connector: connector.name,
    region: values.region,
    vcenter: { host: values.vcenterHost, port },
    installer: {
      url: vcenterClientInstallerUrl(values.region),
      sha512Url: vcenterClientInstallerHashUrl(values.region),
      commands: [
        `wget -O ./${VCENTER_CLIENT_INSTALLER} '${vcenterClientInstallerUrl(values.region)}'`,
        `sudo python3 ${VCENTER_CLIENT_INSTALLER}`,
      ],
    },
    prompts: [
      { prompt: 'AWS Access Key ID', answer: `the ${MgnAccessKeyKey.ACCESS_KEY_ID} of ${values.secret}` },
      { prompt: 'AWS Secret Access Key', answer: `the ${MgnAccessKeyKey.SECRET_ACCESS_KEY} of ${values.secret}` },
      { prompt: 'AWS Region name', answer: values.region },
      { prompt: 'Private Link endpoint for MGN', answer: values.endpoint ?? '(leave blank)' },
      { prompt: 'VPC endpoint for Amazon S3', answer: values.s3Endpoint ?? '(leave blank)' },
      { prompt: 'vCenter IP or hostname', answer: values.vcenterHost },
      { prompt: 'vCenter port', answer: String(port) },
      { prompt: 'vCenter username', answer: '(a vCenter account with the permissions MGN\'s guide lists)' },
      { prompt: 'vCenter password', answer: '(that account\'s password)' },
      { prompt: 'Path to vCenter root CA certificate', answer: '(the downloaded certificate; with a host name, not an IP)' },
      { prompt: 'Path to VDDK tarball', answer: '(the VMware VDDK tarball copied onto the client VM)' },
    ],
    credentials: { secret: values.secret, accessKeyIdKey: MgnAccessKeyKey.ACCESS_KEY_ID, secretAccessKeyKey: MgnAccessKeyKey.SECRET_ACCESS_KEY },
    managedPolicies: [VCENTER_CLIENT_POLICY, AGENT_POLICY],
    vms: plan.vms.filter((vm) => vm.connector === connector.name && settings(vm).replication.method === ReplicationMethod.AGENTLESS)
      .map((vm) => vm.name),
  };
}
