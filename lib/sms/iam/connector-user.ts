import { SecretValue } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ErrorCollector, SmsMigrationError } from '../../errors';
import { acknowledgeNagFindings } from '../../private/nag-acknowledgements';
import { checkConnectorName } from './iam-names';

/** The AWS managed policy of SMS connectors. */
const CONNECTOR_POLICY = 'ServerMigrationConnector';

/**
 * The keys of the JSON the credentials secret holds.
 */
export enum ConnectorCredentialsKey {
  /** The access key id, such as `AKIAIOSFODNN7EXAMPLE`. */
  ACCESS_KEY_ID = 'accessKeyId',
  /** The secret access key. */
  SECRET_ACCESS_KEY = 'secretAccessKey',
}

/**
 * Properties of a `ConnectorUser`.
 */
export interface ConnectorUserProps {
  /**
   * The name of the SMS connector that uses the user, as the migration plan names it. The user is
   * named `sms-connector-<connectorName>`.
   *
   * It may hold letters, digits and `+=,.@_-`, at most 50 of them (IAM user names hold at most 64).
   */
  readonly connectorName: string;

  /**
   * Whether to create an access key for the user, to enter into the connector appliance.
   *
   * The key is kept in a Secrets Manager secret (`secret`) as JSON with the keys of
   * `ConnectorCredentialsKey`; it never appears in the template or its outputs. Without it, create
   * the key in the console or with `aws iam create-access-key` when configuring the connector.
   *
   * @default false
   */
  readonly createAccessKey?: boolean;
}

/**
 * The IAM user of one AWS Server Migration Service connector: the identity whose access key is
 * entered into the connector appliance.
 *
 * The user has the AWS managed policy `ServerMigrationConnector`, and nothing else. SMS's guide
 * recommends one identity per connector, so that one connector's key can be revoked alone.
 *
 * The user's name is fixed (`sms-connector-<connectorName>`), so that it is recognisable in IAM.
 * IAM user names are global to the account: deploying the stack twice in one account (in two
 * regions, for example) fails on the second.
 *
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/ServerMigrationConnector.html
 *
 * @example
 * const connector = new ConnectorUser(this, 'Connector', {
 *   connectorName: 'vcenter-dc1',
 *   createAccessKey: true,
 * });
 * connector.grantReadCredentials(adminRole);
 */
export class ConnectorUser extends Construct implements iam.IGrantable {
  /** What the name of every connector user starts with. */
  public static readonly USER_NAME_PREFIX = 'sms-connector-';

  /** The IAM user. */
  public readonly user: iam.IUser;

  /** The user, as the principal that grants are given to. */
  public readonly grantPrincipal: iam.IPrincipal;

  /**
   * The secret holding the user's access key, as JSON with the keys of `ConnectorCredentialsKey`.
   *
   * @default - no secret, when `createAccessKey` is false
   */
  public readonly secret?: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: ConnectorUserProps) {
    super(scope, id);

    const errors = new ErrorCollector(this);
    for (const detail of checkConnectorName('connectorName', props.connectorName, ConnectorUser.USER_NAME_PREFIX)) {
      errors.add(detail.errorId, detail.message);
    }
    errors.throwIfAny();

    const user = new iam.User(this, 'Resource', {
      userName: `${ConnectorUser.USER_NAME_PREFIX}${props.connectorName}`,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(CONNECTOR_POLICY)],
    });
    // What cdk-nag's AwsSolutions pack finds that SMS leaves no way around (README, "cdk-nag").
    acknowledgeNagFindings(user, [{
      id: 'AwsSolutions-IAM4',
      appliesTo: [`Policy::arn:<AWS::Partition>:iam::aws:policy/${CONNECTOR_POLICY}`],
      reason: 'SMS documents this AWS managed policy as the connector\'s permissions, and AWS updates it with the connector appliance',
    }]);
    this.user = user;
    this.grantPrincipal = user;

    if (props.createAccessKey === true) {
      const accessKey = new iam.AccessKey(this, 'AccessKey', { user });
      this.secret = new secretsmanager.Secret(this, 'Credentials', {
        description: `Access key of the IAM user of SMS connector ${props.connectorName} (cdk-sms-migration)`,
        secretObjectValue: {
          // The access key id is a Ref and no secret: it names the key without giving it.
          [ConnectorCredentialsKey.ACCESS_KEY_ID]: SecretValue.unsafePlainText(accessKey.accessKeyId),
          // A GetAtt of the key, resolved by CloudFormation straight into the secret.
          [ConnectorCredentialsKey.SECRET_ACCESS_KEY]: accessKey.secretAccessKey,
        },
      });
      acknowledgeNagFindings(this.secret, [{
        id: 'AwsSolutions-SMG4',
        reason: 'The access key is entered by hand into the SMS connector appliance on premises, which no rotation function can reach',
      }]);
    }
  }

  /**
   * Lets `grantee` read the user's access key from `secret`.
   *
   * Fails when the user has no access key (`createAccessKey` is false).
   */
  public grantReadCredentials(grantee: iam.IGrantable): iam.Grant {
    if (this.secret === undefined) {
      throw new SmsMigrationError('cdk-sms-migration:NoConnectorCredentials',
        `connector user ${this.node.path} has no access key to read, set createAccessKey to true`, this);
    }
    return this.secret.grantRead(grantee);
  }
}
