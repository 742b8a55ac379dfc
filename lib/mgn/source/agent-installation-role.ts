import { Duration, SecretValue } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ErrorCollector, SmsMigrationError } from '../../errors';
import { acknowledgeNagFindings } from '../../private/nag-acknowledgements';
import { checkRoleName } from '../../sms/iam/iam-names';
import { AGENT_INSTALLATION_POLICY } from './installers';
import { INSTALL_SESSION_SECONDS } from './install-commands';

/** The keys of the JSON an access-key secret of this library holds. */
export enum MgnAccessKeyKey {
  /** The access key id. */
  ACCESS_KEY_ID = 'accessKeyId',
  /** The secret access key. */
  SECRET_ACCESS_KEY = 'secretAccessKey',
}

/** Properties of `MgnAgentInstallationRole`. */
export interface MgnAgentInstallationRoleProps {
  /**
   * Who may assume the role. With the default, any identity of the account whose own policy allows
   * `sts:AssumeRole` on the role may assume it (see `grantAssumeRole`).
   *
   * @default - the account root (`iam.AccountRootPrincipal`)
   */
  readonly assumedBy?: iam.IPrincipal;

  /**
   * The role's name, so that its ARN is known before deployment and can be written into the install
   * commands (`MgnInstallCommands`' `installationRoleArn`).
   *
   * @default - a name CloudFormation generates
   */
  readonly roleName?: string;

  /**
   * Define an IAM user with an access key instead of a role: the exception, for source servers that
   * cannot be given fresh temporary credentials at each installation (an unattended installation by a
   * tool that holds the key). The key is kept only in a Secrets Manager secret (`secret`), as JSON with
   * the keys of `MgnAccessKeyKey`; it never appears in the template or its outputs. Deactivate it once
   * the agents are installed.
   *
   * @default false
   */
  readonly longLivedUser?: boolean;
}

/**
 * The identity that installs MGN's replication agent on source servers: a role with the AWS managed
 * policy `AWSApplicationMigrationAgentInstallationPolicy` and sessions of at most 1 hour, whose
 * temporary credentials (`aws sts assume-role`) are passed to the installer with
 * `--aws-access-key-id`, `--aws-secret-access-key` and `--aws-session-token`.
 *
 * With `longLivedUser`, an IAM user with the same policy and an access key kept in Secrets Manager
 * instead (documented as the exception: a key lasts until it is deleted).
 *
 * @see https://docs.aws.amazon.com/mgn/latest/ug/credentials.html
 *
 * @example
 * const installer = new MgnAgentInstallationRole(this, 'AgentInstallation', { roleName: 'mgn-agent-install' });
 * installer.grantAssumeRole(operatorsRole);
 */
export class MgnAgentInstallationRole extends Construct implements iam.IGrantable {
  /**
   * The role.
   *
   * @default - none, with `longLivedUser`
   */
  public readonly role?: iam.IRole;

  /**
   * The user, with `longLivedUser`.
   *
   * @default - none, without `longLivedUser`
   */
  public readonly user?: iam.IUser;

  /**
   * The secret holding the user's access key, with `longLivedUser`.
   *
   * @default - none, without `longLivedUser`
   */
  public readonly secret?: secretsmanager.ISecret;

  /** The role or the user. */
  public readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: MgnAgentInstallationRoleProps = {}) {
    super(scope, id);
    const errors = new ErrorCollector(this);
    for (const detail of checkRoleName('roleName', props.roleName)) {
      errors.add(detail.errorId, detail.message);
    }
    if (props.longLivedUser === true && (props.roleName !== undefined || props.assumedBy !== undefined)) {
      errors.add('cdk-sms-migration:InvalidInstallationIdentity',
        'roleName and assumedBy are for the role, and longLivedUser defines a user instead: leave them out or drop longLivedUser');
    }
    errors.throwIfAny();

    const policy = iam.ManagedPolicy.fromAwsManagedPolicyName(AGENT_INSTALLATION_POLICY);
    const managedPolicyReason = {
      id: 'AwsSolutions-IAM4',
      appliesTo: [`Policy::arn:<AWS::Partition>:iam::aws:policy/${AGENT_INSTALLATION_POLICY}`],
      reason: 'MGN documents this AWS managed policy as what installing its replication agent needs, and AWS keeps it in step with the agent',
    };
    if (props.longLivedUser === true) {
      const user = new iam.User(this, 'User', { managedPolicies: [policy] });
      acknowledgeNagFindings(user, [managedPolicyReason]);
      const accessKey = new iam.AccessKey(this, 'AccessKey', { user });
      const secret = new secretsmanager.Secret(this, 'Credentials', {
        description: 'Access key of the IAM user that installs the MGN replication agent (cdk-sms-migration)',
        secretObjectValue: {
          // The access key id names the key without giving it.
          [MgnAccessKeyKey.ACCESS_KEY_ID]: SecretValue.unsafePlainText(accessKey.accessKeyId),
          // A GetAtt of the key, resolved by CloudFormation straight into the secret.
          [MgnAccessKeyKey.SECRET_ACCESS_KEY]: accessKey.secretAccessKey,
        },
      });
      acknowledgeNagFindings(secret, [{
        id: 'AwsSolutions-SMG4',
        reason: 'The access key is handed to the MGN agent installer on premises; no rotation function can reach the installations that use it',
      }]);
      this.user = user;
      this.secret = secret;
      this.grantPrincipal = user;
    } else {
      const role = new iam.Role(this, 'Resource', {
        roleName: props.roleName,
        assumedBy: props.assumedBy ?? new iam.AccountRootPrincipal(),
        description: 'Installs the MGN replication agent on source servers (cdk-sms-migration)',
        managedPolicies: [policy],
        maxSessionDuration: Duration.seconds(INSTALL_SESSION_SECONDS),
      });
      acknowledgeNagFindings(role, [managedPolicyReason]);
      this.role = role;
      this.grantPrincipal = role;
    }
  }

  /**
   * Lets `grantee` assume the role (`sts:AssumeRole` on it), which the default trust policy (the
   * account root) then accepts.
   *
   * Fails with `longLivedUser`, which defines no role.
   */
  public grantAssumeRole(grantee: iam.IGrantable): iam.Grant {
    if (this.role === undefined) {
      throw new SmsMigrationError('cdk-sms-migration:NoInstallationRole',
        `${this.node.path} defines a user (longLivedUser), not a role to assume: use grantReadCredentials`, this);
    }
    return iam.Grant.addToPrincipal({ grantee, actions: ['sts:AssumeRole'], resourceArns: [this.role.roleArn] });
  }

  /**
   * Lets `grantee` read the user's access key from `secret`.
   *
   * Fails without `longLivedUser`: the role has no key, only temporary credentials.
   */
  public grantReadCredentials(grantee: iam.IGrantable): iam.Grant {
    if (this.secret === undefined) {
      throw new SmsMigrationError('cdk-sms-migration:NoInstallationCredentials',
        `${this.node.path} defines a role, whose credentials are temporary: use grantAssumeRole`, this);
    }
    return this.secret.grantRead(grantee);
  }
}
