import { Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ConnectorUser } from './connector-user';
import { ErrorCollector } from '../../errors';
import { checkConnectorName } from './iam-names';
import { SmsLaunchRole } from './sms-launch-role';
import { SmsServiceLinkedRole } from './sms-service-linked-role';
import { SmsServiceRole } from './sms-service-role';

/**
 * Properties of a `MigrationIam`.
 */
export interface MigrationIamProps {
  /**
   * Whether replication jobs use SMS's service-linked role, AWSServiceRoleForSMS. When false, an
   * `SmsServiceRole` is defined for them instead.
   *
   * @default true
   */
  readonly useServiceLinkedRole?: boolean;

  /**
   * Whether to define SMS's service-linked role. Deploying fails when the account already has it,
   * which it has once SMS has been used there; see `SmsServiceLinkedRole`.
   *
   * Only with `useServiceLinkedRole`.
   *
   * @default false
   */
  readonly createServiceLinkedRole?: boolean;

  /**
   * The names of the SMS connectors, as the migration plan names them: one `ConnectorUser` each.
   *
   * Each name is unique (IAM user names ignore case) and holds letters, digits and `+=,.@_-`, at
   * most 50 of them. It is part of the construct id of its user, so removing a name deletes that
   * connector's user alone, and reordering them changes nothing.
   *
   * @default - no connector users
   */
  readonly connectors?: string[];

  /**
   * Whether to create an access key for every connector user, kept in a Secrets Manager secret.
   *
   * @default false
   */
  readonly connectorAccessKeys?: boolean;

  /**
   * Whether to define the launch role of SMS applications, `SmsLaunchRole`. Replication jobs do not
   * need it.
   *
   * @default false
   */
  readonly launchRole?: boolean;
}

/**
 * The IAM prerequisites of a migration with AWS Server Migration Service, in one construct: the role
 * SMS uses for replication jobs, a user per connector and, for SMS applications, the launch role.
 *
 * By default it defines nothing: jobs use SMS's service-linked role, which SMS creates by itself.
 *
 * @example
 * const iamPrereqs = new MigrationIam(this, 'Iam', {
 *   useServiceLinkedRole: false,
 *   connectors: ['vcenter-dc1', 'vcenter-dc2'],
 * });
 * new ReplicationJob(this, 'Web01', {
 *   server: ReplicationServer.fromVmName('web01'),
 *   role: iamPrereqs.smsRole,
 * });
 */
export class MigrationIam extends Construct {
  /**
   * The role to give replication jobs as `role`.
   *
   * @default - no role, when jobs use SMS's service-linked role without this construct defining it
   * (a job without `role` uses that role)
   */
  public readonly smsRole?: iam.IRole;

  /**
   * SMS's service-linked role.
   *
   * @default - none, when `createServiceLinkedRole` is false
   */
  public readonly serviceLinkedRole?: SmsServiceLinkedRole;

  /**
   * The role SMS assumes for replication jobs.
   *
   * @default - none, when `useServiceLinkedRole` is true
   */
  public readonly serviceRole?: SmsServiceRole;

  /**
   * The launch role of SMS applications.
   *
   * @default - none, when `launchRole` is false
   */
  public readonly launchRole?: SmsLaunchRole;

  /** The user of every connector, in the order of `connectors`. */
  public readonly connectorUsers: ConnectorUser[];

  constructor(scope: Construct, id: string, props: MigrationIamProps = {}) {
    super(scope, id);

    const useServiceLinkedRole = props.useServiceLinkedRole ?? true;
    const createServiceLinkedRole = props.createServiceLinkedRole ?? false;
    const connectors = props.connectors ?? [];

    const errors = new ErrorCollector(this);
    if (createServiceLinkedRole && !useServiceLinkedRole) {
      errors.add('cdk-sms-migration:ServiceLinkedRoleNotUsed', 'createServiceLinkedRole true defines a service-linked role that no job '
        + 'uses when useServiceLinkedRole is false, leave createServiceLinkedRole out or set useServiceLinkedRole to true');
    }
    const seen = new Map<string, string>();
    connectors.forEach((name, index) => {
      const what = `connectors[${index}]`;
      if (Token.isUnresolved(name)) {
        // The name is part of the user's construct id, which must be known at synth.
        errors.add('cdk-sms-migration:ConnectorNameToken', `${what} is a token, give the connector's name as a string`);
        return;
      }
      for (const detail of checkConnectorName(what, name, ConnectorUser.USER_NAME_PREFIX)) {
        errors.add(detail.errorId, detail.message);
      }
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        errors.add('cdk-sms-migration:DuplicateConnectorName', `${what} '${name}' repeats ${first} (IAM user names ignore case), `
          + 'give each connector a name of its own');
      } else {
        seen.set(key, `connectors[${index}] '${name}'`);
      }
    });
    errors.throwIfAny();

    if (createServiceLinkedRole) {
      this.serviceLinkedRole = new SmsServiceLinkedRole(this, 'ServiceLinkedRole');
      // The role, rather than none, so that jobs are deployed after it.
      this.smsRole = this.serviceLinkedRole.role;
    }
    if (!useServiceLinkedRole) {
      this.serviceRole = new SmsServiceRole(this, 'ServiceRole');
      this.smsRole = this.serviceRole.role;
    }
    if (props.launchRole === true) {
      this.launchRole = new SmsLaunchRole(this, 'LaunchRole');
    }
    this.connectorUsers = connectors.map((connectorName) => new ConnectorUser(this, `Connector-${connectorName}`, {
      connectorName,
      createAccessKey: props.connectorAccessKeys ?? false,
    }));
  }
}
