import * as fs from 'fs';
import * as path from 'path';
import { ArnFormat, Duration, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SmsMigrationError } from '../errors';
import { acknowledgeNagFindings } from '../private/nag-acknowledgements';
import { libraryProvider, PROVIDER_LOG_RETENTION } from '../private/provider-framework';
import { BUNDLE_DIR, HANDLER_NODE_MAJOR, Handlers } from './handler/api';

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

/** How long CloudWatch Logs keeps what the handler logs. */
const LOG_RETENTION = PROVIDER_LOG_RETENTION;

/**
 * The Lambda runtime of the handler: the Node.js the bundle is built for (`HANDLER_NODE_MAJOR`), named
 * explicitly rather than `Runtime.NODEJS_LATEST` or `determineLatestNodeRuntime()`. Those follow the
 * aws-cdk-lib release the user happens to have (Node.js 22 until mid-2026, 24 since) or the Region,
 * so a user's upgrade would move the deployed handler to a Node.js it was neither built nor tested
 * for. A release of this library moves runtime and bundle target together.
 */
const HANDLER_RUNTIME = new lambda.Runtime(`nodejs${HANDLER_NODE_MAJOR}.x`, lambda.RuntimeFamily.NODEJS, { supportsInlineCode: true });

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
 * The stacks whose jobs use the provider of another stack, by its function's name (a `Migration`'s
 * wave stacks use the provider of its provider stack).
 */
const SERVED_STACKS = new WeakMap<Stack, ReplicationJobProvider>();

/**
 * The stacks whose jobs call a provider that their app (or stage) does not define, by its onEvent
 * function's name: the wave stacks of a `Migration` that defines only those (`MigrationStacks.WAVES`),
 * which a pipeline deploys in a stage after the one that deploys the provider stack.
 */
const PROVIDERS_BY_NAME = new WeakMap<Stack, string>();

/**
 * Makes the jobs of `stack` call the provider whose onEvent function is named `functionName`, deployed
 * by a stack that this app (or stage) does not define: `stack` holds no provider, no reference and no
 * dependency. The roles its jobs pass to SMS must be granted where that provider is defined
 * (`allowPassRole()`).
 */
export function useProviderByName(stack: Stack, functionName: string): void {
  PROVIDERS_BY_NAME.set(stack, functionName);
}

/**
 * The service token of a job under `scope`: that of a provider named with `useProviderByName()`, else
 * that of the stack's provider (`ReplicationJobProvider.of()`), which is allowed to pass `role` to SMS.
 */
export function jobServiceToken(scope: Construct, role?: iam.IRole): string {
  const stack = Stack.of(scope);
  const named = PROVIDERS_BY_NAME.get(stack);
  if (named !== undefined) {
    return functionArn(stack, named);
  }
  const provider = ReplicationJobProvider.of(scope);
  if (role !== undefined) {
    provider.allowPassRole(role);
  }
  return provider.serviceTokenFor(scope);
}

/** The ARN of a function of `stack`'s account, Region and partition, by its name. */
function functionArn(stack: Stack, functionName: string): string {
  return stack.formatArn({ service: 'lambda', resource: 'function', resourceName: functionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}

/**
 * The custom-resource provider behind every `ReplicationJob` of a stack: the handler's onEvent and
 * isComplete functions, their role and log groups, and the provider framework.
 *
 * There is one per stack, whatever the number of jobs: use `ReplicationJobProvider.of(scope)`. A
 * `Migration` defines one in a stack of its own instead (`ReplicationJobProvider.shared()`), which its
 * wave stacks use by name (`serve()`).
 */
export class ReplicationJobProvider extends Construct {
  /**
   * The provider of the jobs of the stack that `scope` belongs to: the provider that serves the stack,
   * or the stack's own, defined the first time it is asked for.
   */
  public static of(scope: Construct): ReplicationJobProvider {
    const stack = Stack.of(scope);
    const served = SERVED_STACKS.get(stack);
    if (served !== undefined) {
      return served;
    }
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

  /**
   * Defines a provider for the jobs of other stacks (`serve()`), under `scope` with the fixed id.
   *
   * @param functionName the name of the provider framework's onEvent function, by which the jobs of
   *   other stacks find it: unique in its account and Region, at most 64 letters, digits, `-` and `_`
   */
  public static shared(scope: Construct, functionName: string): ReplicationJobProvider {
    return new ReplicationJobProvider(scope, PROVIDER_ID, functionName);
  }

  /** The service token that custom resources of type `Custom::SmsReplicationJob` of its own stack use. */
  public readonly serviceToken: string;

  /** The name of the provider framework's onEvent function, when it is given (a shared provider). */
  public readonly functionName?: string;

  /** The role the handler's functions run with. */
  public readonly handlerRole: iam.IRole;

  /** The functions that run the handler. */
  public readonly onEventHandler: lambda.IFunction;
  public readonly isCompleteHandler: lambda.IFunction;

  /** Roles the handler may already pass to SMS, so that a role used by several jobs is granted once. */
  private readonly passableRoles = new Set<iam.IRole>();

  private constructor(scope: Construct, id: string, functionName?: string) {
    super(scope, id);
    this.functionName = functionName;

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

    const provider = libraryProvider(this, 'Provider', {
      onEventHandler: this.onEventHandler,
      isCompleteHandler: this.isCompleteHandler,
      // SMS takes seconds to minutes to activate a job. The total stays under CloudFormation's one-hour
      // limit for a custom resource, with room for onEvent, so that a stuck job fails with the
      // framework's "Operation timed out" rather than CloudFormation's silent timeout. 2700 / 30 = 90
      // attempts: the framework requires the interval to divide the total exactly.
      queryInterval: Duration.seconds(30),
      totalTimeout: Duration.minutes(45),
      providerFunctionName: functionName,
      waiterLogPrefix: 'cdk-sms-migration-waiter',
      what: 'cdk-sms-migration',
    });
    this.acknowledgeUnavoidableFindings();
    this.serviceToken = provider.serviceToken;
  }

  /**
   * Acknowledges what cdk-nag's AwsSolutions pack finds in the handler's role that SMS does not let us
   * change (README, "cdk-nag"); the framework's findings are acknowledged with it (`libraryProvider`).
   */
  private acknowledgeUnavoidableFindings(): void {
    acknowledgeNagFindings(this.handlerRole, [{
      id: 'AwsSolutions-IAM5',
      appliesTo: ['Resource::*'],
      reason: 'SMS has no resource-level permissions: its actions take no resource ARN and no condition key, so * is the only resource',
    }]);
  }

  /**
   * Makes this provider the one of the jobs of `stack`, which find it by its function's name: the
   * stack holds no provider of its own and no reference to this one's stack (an `Fn::ImportValue`
   * would lock that stack), only a dependency, so that deploying `stack` deploys this one first.
   */
  public serve(stack: Stack): void {
    if (this.functionName === undefined) {
      throw new SmsMigrationError('cdk-sms-migration:ProviderNotShared',
        `the replication job provider of stack ${Stack.of(this).node.path} has no function name, it cannot serve stack ${stack.node.path}`, this);
    }
    SERVED_STACKS.set(stack, this);
    stack.addStackDependency(Stack.of(this), 'its replication jobs use the provider of this stack');
  }

  /**
   * The service token for a job under `scope`: the provider's own in its stack; in a stack it serves,
   * the ARN of its function built from the name, in that stack's account, Region and partition.
   */
  public serviceTokenFor(scope: Construct): string {
    const stack = Stack.of(scope);
    if (stack === Stack.of(this) || this.functionName === undefined) {
      return this.serviceToken;
    }
    return functionArn(stack, this.functionName);
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
    const roleStack = role.stack;
    if (SERVED_STACKS.get(roleStack) === this && Token.isUnresolved(role.roleArn)) {
      // The grant would reference the served stack from the provider's, which it depends on: a loop.
      throw new SmsMigrationError('cdk-sms-migration:RoleInServedStack',
        `role ${role.node.path} is defined in stack ${roleStack.node.path}, whose jobs use the provider of stack `
        + `${Stack.of(this).node.path}, define the role in another stack (or import it by name)`, this);
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
      runtime: HANDLER_RUNTIME,
      timeout,
      role: this.handlerRole,
      logGroup,
      description,
    });
  }
}
