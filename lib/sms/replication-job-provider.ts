import * as fs from 'fs';
import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { SmsMigrationError } from '../errors';
import { BUNDLE_DIR, Handlers } from './handler/api';

/**
 * The id of the provider under its stack: fixed and namespaced, so that every job of the stack finds
 * the same provider and no user construct takes the id by chance. Changing it replaces the provider
 * of every deployed stack.
 */
export const PROVIDER_ID = 'cdk-sms-migration.ReplicationJobProvider';

/** The actions the handler calls, and nothing else. */
export const HANDLER_SMS_ACTIONS = [
  'sms:CreateReplicationJob',
  'sms:UpdateReplicationJob',
  'sms:DeleteReplicationJob',
  'sms:GetReplicationJobs',
  'sms:GetServers',
];

/** The principal that a custom role for SMS is passed to. */
const SMS_SERVICE = 'sms.amazonaws.com';

/** How long CloudWatch Logs keeps what the handler and the framework log. */
const LOG_RETENTION = logs.RetentionDays.ONE_MONTH;

/**
 * The folder that holds the handler bundle (`index.js`), written by `npm run build`.
 *
 * The only place the bundle's location is worked out: from `lib/private/` in the published package
 * and in the source tree alike.
 */
export function handlerBundleDir(): string {
  return path.join(__dirname, 'handler', BUNDLE_DIR);
}

/**
 * The custom-resource provider behind every `ReplicationJob` of a stack: the handler's onEvent and
 * isComplete functions, their role and log groups, and the provider framework.
 *
 * There is one per stack, whatever the number of jobs: use `ReplicationJobProvider.of(scope)`.
 */
export class ReplicationJobProvider extends Construct {
  /**
   * The provider of the stack that `scope` belongs to, defined the first time it is asked for.
   */
  public static of(scope: Construct): ReplicationJobProvider {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(PROVIDER_ID);
    if (existing === undefined) {
      return new ReplicationJobProvider(stack, PROVIDER_ID);
    }
    if (!(existing instanceof ReplicationJobProvider)) {
      // Two copies of this library in one app, or a user construct with the reserved id.
      throw new SmsMigrationError('cdk-sms-migration:ProviderIdTaken',
        `construct id ${PROVIDER_ID} is taken by a construct that is not a replication job provider, `
        + 'rename that construct (or load a single copy of cdk-sms-migration)', existing);
    }
    return existing;
  }

  /** The service token that custom resources of type `Custom::SmsReplicationJob` use. */
  public readonly serviceToken: string;

  /** The role the handler's functions run with. */
  public readonly handlerRole: iam.IRole;

  /** The functions that run the handler. */
  public readonly onEventHandler: lambda.IFunction;
  public readonly isCompleteHandler: lambda.IFunction;

  /** Roles the handler may already pass to SMS, so that a role used by several jobs is granted once. */
  private readonly passableRoles = new Set<iam.IRole>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);

    const bundleDir = handlerBundleDir();
    if (!fs.existsSync(path.join(bundleDir, 'index.js'))) {
      throw new SmsMigrationError('cdk-sms-migration:HandlerBundleMissing',
        `replication job handler bundle ${path.join(bundleDir, 'index.js')} does not exist, run npm run build to create it`, this);
    }

    const role = new iam.Role(this, 'HandlerRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs the cdk-sms-migration replication job handler',
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: HANDLER_SMS_ACTIONS,
      // SMS has no resource-level permissions: its actions take no resource ARN and no condition key,
      // so '*' is the only resource they can be granted on.
      resources: ['*'],
    }));
    this.handlerRole = role;

    const code = lambda.Code.fromAsset(bundleDir);
    this.onEventHandler = this.handlerFunction('OnEvent', code, Handlers.ON_EVENT, Duration.minutes(5),
      'Creates, updates and deletes SMS replication jobs (cdk-sms-migration)');
    this.isCompleteHandler = this.handlerFunction('IsComplete', code, Handlers.IS_COMPLETE, Duration.minutes(2),
      'Waits until SMS replication jobs are active (cdk-sms-migration)');

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.onEventHandler,
      isCompleteHandler: this.isCompleteHandler,
      // SMS takes seconds to minutes to activate a job. The total stays under CloudFormation's one-hour
      // limit for a custom resource, with room for onEvent, so that a stuck job fails with the
      // framework's "Operation timed out" rather than CloudFormation's silent timeout. 2700 / 30 = 90
      // attempts: the framework requires the interval to divide the total exactly.
      queryInterval: Duration.seconds(30),
      totalTimeout: Duration.minutes(45),
      logGroup: new logs.LogGroup(this, 'FrameworkLogs', { retention: LOG_RETENTION }),
    });
    this.serviceToken = provider.serviceToken;
  }

  /**
   * Lets the handler pass `role` to SMS (the `roleName` of a replication job), and to nothing else.
   *
   * Whether SMS checks `iam:PassRole` for `roleName` is not documented; the grant is a safety margin
   * that costs nothing, limited to the roles the stack's jobs actually use.
   */
  public allowPassRole(role: iam.IRole): void {
    if (this.passableRoles.has(role)) {
      return;
    }
    this.passableRoles.add(role);
    this.handlerRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [role.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': SMS_SERVICE } },
    }));
  }

  private handlerFunction(id: string, code: lambda.Code, handler: string, timeout: Duration, description: string): lambda.IFunction {
    // A log group of its own, rather than the deprecated logRetention and its extra custom resource.
    // It is kept when the stack is deleted (the default): a failed first deployment rolls back, and
    // the handler's log is where its error is.
    const logGroup = new logs.LogGroup(this, `${id}Logs`, { retention: LOG_RETENTION });
    logGroup.grantWrite(this.handlerRole);
    return new lambda.Function(this, `${id}Handler`, {
      code,
      handler,
      runtime: lambda.Runtime.NODEJS_22_X,
      timeout,
      role: this.handlerRole,
      logGroup,
      description,
    });
  }
}
