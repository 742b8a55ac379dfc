/**
 * What the custom-resource providers of the library (SMS's replication jobs, MGN's resources) share
 * around aws-cdk-lib's provider framework: roles of their own for the framework's functions, its log
 * groups, and the cdk-nag findings the framework leaves no way around.
 */
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeNagFindings, allVersionsFinding } from './nag-acknowledgements';

/** How long CloudWatch Logs keeps what the handlers and the framework log. */
export const PROVIDER_LOG_RETENTION = logs.RetentionDays.ONE_MONTH;

/**
 * The ids the provider framework gives its own children. None is public API: each is looked up with
 * `tryFindChild`, and should one change, the cdk-nag finding acknowledged on it shows again (test/nag).
 */
const FRAMEWORK_IS_COMPLETE_ID = 'framework-isComplete';
const FRAMEWORK_ON_TIMEOUT_ID = 'framework-onTimeout';
const WAITER_STATE_MACHINE_ID = 'waiter-state-machine';

/** What a provider of the library gives the framework. */
export interface LibraryProviderOptions {
  readonly onEventHandler: lambda.IFunction;
  readonly isCompleteHandler: lambda.IFunction;
  readonly queryInterval: Duration;
  readonly totalTimeout: Duration;
  /** The onEvent function's name, when other stacks call it by name. */
  readonly providerFunctionName?: string;
  /** The start of the waiter's log group name under `/aws/vendedlogs/states/`. */
  readonly waiterLogPrefix: string;
  /** Says whose framework the roles run, in their descriptions. */
  readonly what: string;
}

/**
 * The provider framework with roles of our own rather than the framework's, which carry the managed
 * AWSLambdaBasicExecutionRole (logging to any log group), its log groups kept a month, and the findings
 * it leaves acknowledged. Two roles: one role for all three functions makes a dependency loop.
 */
export function libraryProvider(scope: Construct, id: string, options: LibraryProviderOptions): cr.Provider {
  const frameworkLogs = new logs.LogGroup(scope, 'FrameworkLogs', { retention: PROVIDER_LOG_RETENTION });
  const frameworkRoles = [
    frameworkRole(scope, 'FrameworkOnEventRole', frameworkLogs,
      `Runs the onEvent function of the ${options.what} custom resource provider framework`),
    frameworkRole(scope, 'FrameworkIsCompleteRole', frameworkLogs,
      `Runs the isComplete and onTimeout functions of the ${options.what} custom resource provider framework`),
  ];
  const provider = new cr.Provider(scope, id, {
    onEventHandler: options.onEventHandler,
    isCompleteHandler: options.isCompleteHandler,
    queryInterval: options.queryInterval,
    totalTimeout: options.totalTimeout,
    logGroup: frameworkLogs,
    frameworkOnEventRole: frameworkRoles[0],
    frameworkCompleteAndTimeoutRole: frameworkRoles[1],
    providerFunctionName: options.providerFunctionName,
    disableWaiterStateMachineLogging: false,
    waiterStateMachineLogOptions: {
      // Under /aws/vendedlogs/ so that CloudWatch Logs needs no resource policy entry per log group,
      // and named after the isComplete function, whose generated name a redeployed stack changes:
      // a log group kept from a deleted stack never blocks the next one.
      destination: new logs.LogGroup(scope, 'WaiterLogs', {
        logGroupName: `/aws/vendedlogs/states/${options.waiterLogPrefix}-${options.isCompleteHandler.functionName}`,
        retention: PROVIDER_LOG_RETENTION,
      }),
      level: sfn.LogLevel.ALL,
      // The execution input is the CloudFormation event, whose ResponseURL lets anyone answer for the
      // resource: it stays out of the log.
      includeExecutionData: false,
    },
  });
  acknowledgeFrameworkFindings(scope, provider, frameworkRoles, [options.onEventHandler, options.isCompleteHandler]);
  return provider;
}

/**
 * Acknowledges what cdk-nag's AwsSolutions pack finds in the provider framework that it does not let
 * us change (README, "cdk-nag"). Each covers the exact finding only.
 */
function acknowledgeFrameworkFindings(scope: Construct, provider: cr.Provider, frameworkRoles: iam.IRole[],
  handlerFunctions: lambda.IFunction[]): void {
  for (const role of frameworkRoles) {
    acknowledgeNagFindings(role, [{
      id: 'AwsSolutions-IAM5',
      appliesTo: handlerFunctions.map((fn) => allVersionsFinding(fn.functionArn, scope)),
      reason: 'The provider framework grants its functions lambda:InvokeFunction on every version of the handler functions (grantInvoke)',
    }]);
  }
  const waiter = provider.node.tryFindChild(WAITER_STATE_MACHINE_ID);
  const frameworkFunctions = [FRAMEWORK_IS_COMPLETE_ID, FRAMEWORK_ON_TIMEOUT_ID]
    .map((id) => provider.node.tryFindChild(id))
    .filter((fn): fn is lambda.Function => fn instanceof lambda.Function);
  const waiterRole = waiter?.node.tryFindChild('Role');
  if (waiterRole !== undefined) {
    acknowledgeNagFindings(waiterRole, [{
      id: 'AwsSolutions-IAM5',
      appliesTo: frameworkFunctions.map((fn) => allVersionsFinding(fn.functionArn, scope)),
      reason: 'The provider framework grants its waiter state machine lambda:InvokeFunction on every version of its functions (grantInvoke)',
    }, {
      id: 'AwsSolutions-IAM5',
      appliesTo: ['Resource::*'],
      reason: 'The provider framework grants the CloudWatch Logs log delivery actions that Step Functions logging needs, which take no resource ARN',
    }]);
  }
  const waiterStateMachine = waiter?.node.tryFindChild('Resource');
  if (waiterStateMachine !== undefined) {
    acknowledgeNagFindings(waiterStateMachine, [{
      id: 'AwsSolutions-SF2',
      reason: 'The provider framework offers no X-Ray tracing for its waiter state machine, which only calls isComplete until it returns true',
    }]);
  }
}

/**
 * A role for functions of the provider framework: logging to the framework's log group, and what the
 * framework grants it (invoking the handler functions, starting the waiter), and nothing else.
 */
function frameworkRole(scope: Construct, id: string, logGroup: logs.ILogGroup, description: string): iam.IRole {
  return new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description,
    inlinePolicies: {
      Logs: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          // The log group's ARN ends in :* and so covers its streams; the group itself is defined here.
          resources: [logGroup.logGroupArn],
        })],
      }),
    },
  });
}
