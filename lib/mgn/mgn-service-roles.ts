import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeNagFindings } from '../private/nag-acknowledgements';

/** The principals MGN's roles trust. */
const EC2_SERVICE = 'ec2.amazonaws.com';
const MGN_SERVICE = 'mgn.amazonaws.com';

/** The path of every role MGN expects: its service-linked role passes them by `role/service-role/<name>`. */
export const MGN_ROLE_PATH = '/service-role/';

/** One role MGN expects in the account (MGN-API.md §8.1, the user guide's `mgn-initialize-api`). */
interface MgnRoleSpec {
  /** The construct id under `MgnServiceRoles`. */
  readonly id: string;
  /** The exact name MGN looks for. */
  readonly roleName: string;
  /** Who assumes it. */
  readonly trust: 'ec2' | 'mgn' | 'agent';
  /** AWS managed policies, by name under `policy/`. */
  readonly managedPolicies: readonly string[];
  readonly description: string;
}

/** The roles, as the user guide names them; their names and policies are MGN's, not ours to choose. */
export const MGN_SERVICE_ROLES: readonly MgnRoleSpec[] = [
  {
    id: 'ReplicationServerRole',
    roleName: 'AWSApplicationMigrationReplicationServerRole',
    trust: 'ec2',
    managedPolicies: ['service-role/AWSApplicationMigrationReplicationServerPolicy'],
    description: 'Replication servers of AWS Application Migration Service (cdk-sms-migration)',
  },
  {
    id: 'ConversionServerRole',
    roleName: 'AWSApplicationMigrationConversionServerRole',
    trust: 'ec2',
    managedPolicies: ['service-role/AWSApplicationMigrationConversionServerPolicy'],
    description: 'Conversion servers of AWS Application Migration Service (cdk-sms-migration)',
  },
  {
    id: 'MghRole',
    roleName: 'AWSApplicationMigrationMGHRole',
    trust: 'mgn',
    managedPolicies: ['service-role/AWSApplicationMigrationMGHAccess'],
    description: 'AWS Application Migration Service reporting to Migration Hub (cdk-sms-migration)',
  },
  {
    id: 'LaunchInstanceWithDrsRole',
    roleName: 'AWSApplicationMigrationLaunchInstanceWithDrsRole',
    trust: 'ec2',
    managedPolicies: ['AmazonSSMManagedInstanceCore', 'service-role/AWSElasticDisasterRecoveryEc2InstancePolicy'],
    description: 'Instances launched by AWS Application Migration Service with the DRS agent (cdk-sms-migration)',
  },
  {
    id: 'LaunchInstanceWithSsmRole',
    roleName: 'AWSApplicationMigrationLaunchInstanceWithSsmRole',
    trust: 'ec2',
    managedPolicies: ['AmazonSSMManagedInstanceCore'],
    description: 'Instances launched by AWS Application Migration Service with the SSM agent (cdk-sms-migration)',
  },
  {
    id: 'AgentRole',
    roleName: 'AWSApplicationMigrationAgentRole',
    trust: 'agent',
    managedPolicies: ['service-role/AWSApplicationMigrationAgentPolicy_v2'],
    description: 'Replication agents of AWS Application Migration Service, on behalf of their source server (cdk-sms-migration)',
  },
];

/**
 * The roles AWS Application Migration Service expects in the account before it is initialized
 * (`InitializeService`): the replication and conversion servers', Migration Hub's, the launched
 * instances' and the replication agents', with the exact names, path (`/service-role/`), trust and AWS
 * managed policies MGN's user guide gives. InitializeService then creates MGN's service-linked role
 * and the instance profiles, and adds these roles to them.
 *
 * IAM roles belong to the account, not to a Region: define them once per account. An account whose MGN
 * was initialized before (in the console) already has them, and creating them again fails.
 *
 * @see https://docs.aws.amazon.com/mgn/latest/ug/mgn-initialize-api.html
 *
 * @example
 * const roles = new MgnServiceRoles(this, 'ServiceRoles');
 * new MgnInitialization(this, 'Initialization', { provider }).node.addDependency(roles);
 */
export class MgnServiceRoles extends Construct {
  /** The names of the roles, in the order MGN's guide lists them (`AWSApplicationMigrationAgentRole`, ...). */
  public readonly roleNames: string[];

  private readonly roles: ReadonlyMap<string, iam.IRole>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const account = Stack.of(this).account;
    const roles = new Map<string, iam.IRole>();
    for (const spec of MGN_SERVICE_ROLES) {
      const role = new iam.Role(this, spec.id, {
        roleName: spec.roleName,
        path: MGN_ROLE_PATH,
        description: spec.description,
        assumedBy: principalOf(spec.trust, account),
        managedPolicies: spec.managedPolicies.map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
      });
      acknowledgeNagFindings(role, [{
        id: 'AwsSolutions-IAM4',
        appliesTo: spec.managedPolicies.map((name) => `Policy::arn:<AWS::Partition>:iam::aws:policy/${name}`),
        reason: 'MGN requires its service roles to carry the AWS managed policies its user guide names, which AWS keeps in step with the service',
      }]);
      roles.set(spec.roleName, role);
    }
    this.roles = roles;
    this.roleNames = [...roles.keys()];
  }

  /**
   * A role by its name.
   *
   * @param roleName one of `roleNames`: `AWSApplicationMigrationAgentRole`, ...
   * @returns undefined when the construct defines no role of that name
   */
  public roleOf(roleName: string): iam.IRole | undefined {
    return this.roles.get(roleName);
  }
}

function principalOf(trust: MgnRoleSpec['trust'], account: string): iam.IPrincipal {
  if (trust === 'ec2') {
    return new iam.ServicePrincipal(EC2_SERVICE);
  }
  if (trust === 'mgn') {
    return new iam.ServicePrincipal(MGN_SERVICE);
  }
  // The agent acts for one source server (s-...) of this account: MGN sets the server id as the
  // session's source identity, and the conditions hold it to that.
  return new SourceIdentityPrincipal(new iam.ServicePrincipal(MGN_SERVICE), {
    StringLike: { 'sts:SourceIdentity': 's-*' },
    StringEquals: { 'aws:SourceAccount': account },
  });
}

/** A principal with conditions, trusted with `sts:SetSourceIdentity` beside `sts:AssumeRole`, in one statement. */
class SourceIdentityPrincipal extends iam.PrincipalWithConditions {
  public addToAssumeRolePolicy(document: iam.PolicyDocument): void {
    document.addStatements(new iam.PolicyStatement({
      actions: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
      principals: [this],
    }));
  }
}
