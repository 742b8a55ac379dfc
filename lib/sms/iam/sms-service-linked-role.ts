import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The service that the role is linked to. */
const SMS_SERVICE = 'sms.amazonaws.com';

/** The path IAM gives every service-linked role of SMS. */
const SMS_SERVICE_LINKED_ROLE_PATH = `aws-service-role/${SMS_SERVICE}/`;

/**
 * The service-linked role of AWS Server Migration Service, AWSServiceRoleForSMS, defined by the stack.
 *
 * Replication jobs without a `role` use this role, and SMS creates it by itself the first time the
 * console is used; define it here only in an account where it does not exist yet. IAM keeps a
 * single AWSServiceRoleForSMS per account, so **deploying fails when the role already exists**
 * (`aws iam get-role --role-name AWSServiceRoleForSMS` tells). To skip it, do not define this
 * construct (with `MigrationIam`, leave `createServiceLinkedRole` out) and use
 * `SmsServiceLinkedRole.fromAccount()` when a role object is needed.
 *
 * Deleting the stack deletes the role. IAM refuses while an SMS job or app still uses it, and the
 * deletion of the stack then fails; SMS re-creates the role for its next job.
 *
 * @see https://docs.aws.amazon.com/server-migration-service/latest/userguide/using-service-linked-roles.html
 *
 * @example
 * const slr = new SmsServiceLinkedRole(this, 'SmsServiceLinkedRole');
 * new ReplicationJob(this, 'Web01', {
 *   server: ReplicationServer.fromVmName('web01'),
 *   role: slr.role, // the job waits for the role
 * });
 */
export class SmsServiceLinkedRole extends Construct {
  /** The name of SMS's service-linked role. */
  public static readonly ROLE_NAME = 'AWSServiceRoleForSMS';

  /**
   * Imports SMS's service-linked role of the stack's account by its name, without checking that it
   * exists.
   *
   * The role is immutable: IAM does not let anyone change the permissions of a service-linked role,
   * so grants to it add nothing.
   */
  public static fromAccount(scope: Construct, id: string): iam.IRole {
    return importServiceLinkedRole(scope, id, SmsServiceLinkedRole.ROLE_NAME);
  }

  /**
   * The service-linked role, as a role to give a replication job's `role`.
   *
   * Its name is read from the role resource, so that whatever uses it is deployed after the role
   * exists. Grants to it add nothing, as with `fromAccount()`.
   */
  public readonly role: iam.IRole;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    // No description or custom suffix: SMS's role takes neither, and the name is fixed by IAM.
    const resource = new iam.CfnServiceLinkedRole(this, 'Resource', {
      awsServiceName: SMS_SERVICE,
    });
    // Ref of AWS::IAM::ServiceLinkedRole is the role's name.
    this.role = importServiceLinkedRole(this, 'Imported', resource.ref);
  }
}

/** SMS's service-linked role named `roleName`, at the path IAM gives it (part of its ARN). */
function importServiceLinkedRole(scope: Construct, id: string, roleName: string): iam.IRole {
  const roleArn = Stack.of(scope).formatArn({
    service: 'iam',
    region: '',
    resource: 'role',
    resourceName: `${SMS_SERVICE_LINKED_ROLE_PATH}${roleName}`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
  return iam.Role.fromRoleArn(scope, id, roleArn, { mutable: false });
}
