import * as fs from 'fs';
import * as path from 'path';
import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { SmsMigrationError } from '../errors';
import { acknowledgeNagFindings, allVersionsFinding, resourceFinding } from '../private/nag-acknowledgements';
import { PROVIDER_LOG_RETENTION } from '../private/provider-framework';
import { HANDLER_NODE_MAJOR } from '../sms/handler/api';
import { RUNBOOK_HANDLER, RunbookErrors, RunbookEventKeys, RunbookResultKeys, RunbookSteps } from './runbook/api';
import { runbookBundleDir } from './runbook-bundle';

/** The Lambda runtime of the runbook's function: the Node.js its bundle is built for, as the MGN handler's. */
const RUNBOOK_RUNTIME = new lambda.Runtime(`nodejs${HANDLER_NODE_MAJOR}.x`, lambda.RuntimeFamily.NODEJS, { supportsInlineCode: true });

/** Events a Standard execution's history holds; an execution that would write more fails. */
const MAX_HISTORY_EVENTS = 25_000;
/** Events of one poll: the wait, the counter, the task and the choice, each entered and exited, the task's own three. */
const EVENTS_PER_POLL = 11;
/** Events kept for the states that are not polls, and retries. */
const HISTORY_RESERVE = 1_000;

/** The AWS managed policy MGN documents for launching test and cutover instances with the caller's permissions. */
const MGN_EC2_ACCESS_POLICY = 'AWSApplicationMigrationEC2Access';

/** Properties of an {@link MgnCutoverRunbook}. */
export interface MgnCutoverRunbookProps {
  /** The name of the wave in MGN (compared case-insensitively, as MGN does), such as a plan wave's name. */
  readonly waveName: string;

  /**
   * Where the two approvals are announced: a message with the wave, what is to be approved, the execution
   * and the task token that `aws stepfunctions send-task-success` (or `send-task-failure`) answers.
   *
   * @default - no announcement: the task token is in the execution's history (the approval task's input)
   *   and in the runbook function's log, with the command that answers it
   */
  readonly approvalTopic?: sns.ITopic;

  /**
   * How long each approval may wait before the execution fails.
   *
   * @default Duration.days(7)
   */
  readonly approvalTimeout?: Duration;

  /**
   * How long the runbook waits for every server of the wave to be READY_FOR_TEST before it fails.
   *
   * @default Duration.days(3)
   */
  readonly readyTimeout?: Duration;

  /**
   * How long the runbook waits for the test launch, and again for the cutover launch, before it fails.
   *
   * @default Duration.hours(6)
   */
  readonly launchTimeout?: Duration;

  /**
   * The wait between two polls of MGN (servers' states, jobs). Every poll adds about ten events to the
   * execution's history, which holds at most 25,000: the timeouts divided by the interval must stay under
   * about 2,200 polls in all.
   *
   * @default Duration.minutes(5)
   */
  readonly pollInterval?: Duration;

  /**
   * The state machine's name.
   *
   * @default - a name CloudFormation generates
   */
  readonly stateMachineName?: string;
}

/**
 * The cutover of one MGN wave as a Step Functions state machine: the hours-to-days part of a migration
 * that is not CloudFormation's job. One execution runs:
 *
 * 1. wait until every server of the wave is READY_FOR_TEST (a poll every `pollInterval`, at most `readyTimeout`);
 * 2. launch the test instances (StartTest, jobs of at most 200 servers) and wait for the jobs;
 * 3. approval 1, "test accepted": a task token a person or a pipeline answers;
 * 4. mark the servers ready for cutover, launch the cutover instances (StartCutover) and wait for the jobs;
 * 5. approval 2, "cutover accepted";
 * 6. finalize the cutover (FinalizeCutover), archive the servers, the wave's applications and the wave.
 *
 * Each step is a Lambda task (the library's runbook function, which judges by each server's lifecycle state
 * what is left to do, so an execution started again does nothing twice), retried when Lambda or MGN is
 * unavailable. A failed launch fails the execution with a cause naming each server and MGN's reason.
 */
export class MgnCutoverRunbook extends Construct {
  /** The state machine: start an execution to run the wave's cutover (its input is not read). */
  public readonly stateMachine: sfn.StateMachine;

  /** The function that runs each step. */
  public readonly runbookFunction: lambda.IFunction;

  /** The function's role: MGN's launch and lifecycle actions on the account and Region's resources. */
  public readonly role: iam.IRole;

  constructor(scope: Construct, id: string, props: MgnCutoverRunbookProps) {
    super(scope, id);
    const pollInterval = props.pollInterval ?? Duration.minutes(5);
    const readyTimeout = props.readyTimeout ?? Duration.days(3);
    const launchTimeout = props.launchTimeout ?? Duration.hours(6);
    const approvalTimeout = props.approvalTimeout ?? Duration.days(7);
    this.validate(props, { pollInterval, readyTimeout, launchTimeout, approvalTimeout });

    const bundleDir = runbookBundleDir();
    if (!fs.existsSync(path.join(bundleDir, 'index.js'))) {
      throw new SmsMigrationError('cdk-sms-migration:HandlerBundleMissing',
        `MGN runbook bundle ${path.join(bundleDir, 'index.js')} does not exist, run npm run build to create it`, this);
    }

    const stack = Stack.of(this);
    const role = new iam.Role(this, 'FunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the MGN cutover runbook of wave ${props.waveName} (cdk-sms-migration)`,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(MGN_EC2_ACCESS_POLICY)],
    });
    for (const statement of runbookStatements(stack)) {
      role.addToPrincipalPolicy(statement);
    }
    this.role = role;
    const logGroup = new logs.LogGroup(this, 'FunctionLogs', { retention: PROVIDER_LOG_RETENTION });
    logGroup.grantWrite(role);
    this.runbookFunction = new lambda.Function(this, 'Function', {
      code: lambda.Code.fromAsset(bundleDir),
      handler: RUNBOOK_HANDLER,
      runtime: RUNBOOK_RUNTIME,
      timeout: Duration.minutes(15),
      memorySize: 256,
      role,
      logGroup,
      description: `Runs the steps of the MGN cutover runbook of wave ${props.waveName} (cdk-sms-migration)`,
    });

    const definition = this.definition(props, { pollInterval, readyTimeout, launchTimeout, approvalTimeout });
    const stateMachineLogs = new logs.LogGroup(this, 'StateMachineLogs', { retention: PROVIDER_LOG_RETENTION });
    this.stateMachine = new sfn.StateMachine(this, 'Resource', {
      stateMachineName: props.stateMachineName,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      // Without execution data: the approval tasks' input holds their task tokens.
      logs: { destination: stateMachineLogs, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    this.acknowledgeUnavoidableFindings(stack);
  }

  private validate(props: MgnCutoverRunbookProps, durations: Readonly<Record<string, Duration>>): void {
    const problems: string[] = [];
    const name = props.waveName;
    if (!Token.isUnresolved(name) && (name.length < 1 || name.length > 256 || name.trim() !== name)) {
      problems.push(`waveName "${name}" is not a wave name, use 1 to 256 characters without blanks at either end`);
    }
    const seconds = (d: Duration) => (d.isUnresolved() ? undefined : d.toMilliseconds() / 1000);
    const interval = seconds(durations.pollInterval);
    if (interval !== undefined && (interval < 1 || !Number.isInteger(interval))) {
      problems.push(`pollInterval ${durations.pollInterval.toHumanString()} is not a whole number of seconds of at least 1 second`);
    }
    for (const key of ['readyTimeout', 'launchTimeout', 'approvalTimeout']) {
      const value = seconds(durations[key]);
      if (value !== undefined && interval !== undefined && value < Math.max(interval, 1)) {
        problems.push(`${key} ${durations[key].toHumanString()} is shorter than pollInterval ${durations.pollInterval.toHumanString()}, `
          + 'use a longer timeout');
      }
    }
    const [ready, launch] = [seconds(durations.readyTimeout), seconds(durations.launchTimeout)];
    if (problems.length === 0 && interval !== undefined && ready !== undefined && launch !== undefined) {
      const polls = Math.ceil(ready / interval) + 2 * Math.ceil(launch / interval);
      if (polls * EVENTS_PER_POLL > MAX_HISTORY_EVENTS - HISTORY_RESERVE) {
        problems.push(`readyTimeout ${durations.readyTimeout.toHumanString()} and launchTimeout ${durations.launchTimeout.toHumanString()} `
          + `make up to ${polls} polls every ${durations.pollInterval.toHumanString()}, more than the ${MAX_HISTORY_EVENTS} events of an `
          + 'execution\'s history hold; use a longer pollInterval or shorter timeouts');
      }
    }
    if (problems.length > 0) {
      throw new SmsMigrationError('cdk-sms-migration:InvalidRunbookProps', problems.join('; '), this);
    }
  }

  /** The states, in order. */
  private definition(props: MgnCutoverRunbookProps, d: Readonly<Record<string, Duration>>): sfn.IChainable {
    const start = new sfn.Pass(this, 'Start', {
      comment: 'The wave, and the poll counters of the three waits',
      parameters: { waveName: props.waveName, readyPolls: { n: 0 }, testPolls: { n: 0 }, cutoverPolls: { n: 0 } },
    });
    const finalize = this.step('Finalize', RunbookSteps.FINALIZE, 'h. FinalizeCutover for each server cut over');
    const archive = this.step('Archive', RunbookSteps.ARCHIVE, 'i. Archive the servers, the wave\'s applications and the wave');
    const cutoverAccepted = this.approval('ApproveCutover', 'cutover accepted', props.approvalTopic, d.approvalTimeout)
      .next(finalize).next(archive).next(new sfn.Succeed(this, 'Done'));
    const cutoverJobs = this.poll('CutoverJobs', RunbookSteps.CUTOVER_JOBS, 'cutoverPolls', d.pollInterval, d.launchTimeout,
      'f. The cutover jobs', 'CutoverLaunchTimedOut', cutoverAccepted);
    const cutover = this.step('MarkReadyForCutover', RunbookSteps.READY_FOR_CUTOVER, 'e. ChangeServerLifeCycleState READY_FOR_CUTOVER')
      .next(this.step('LaunchCutover', RunbookSteps.LAUNCH_CUTOVER, 'f. StartCutover in jobs of at most 200 servers'))
      .next(cutoverJobs);
    const testAccepted = this.approval('ApproveTest', 'test accepted', props.approvalTopic, d.approvalTimeout).next(cutover);
    const testJobs = this.poll('TestJobs', RunbookSteps.TEST_JOBS, 'testPolls', d.pollInterval, d.launchTimeout,
      'c. The test jobs', 'TestLaunchTimedOut', testAccepted);
    const launchTest = this.step('LaunchTest', RunbookSteps.LAUNCH_TEST, 'b. StartTest in jobs of at most 200 servers').next(testJobs);
    const ready = this.poll('Ready', RunbookSteps.READY, 'readyPolls', d.pollInterval, d.readyTimeout,
      'a. Every server READY_FOR_TEST', 'WaveNotReadyInTime', launchTest, false);
    return start.next(ready);
  }

  /** A Lambda task running one step; its answer (`complete`, `summary`) in `$.last`, retried when Lambda or MGN is unavailable. */
  private step(id: string, step: string, comment: string): tasks.LambdaInvoke {
    const task = new tasks.LambdaInvoke(this, id, {
      comment,
      lambdaFunction: this.runbookFunction,
      payload: sfn.TaskInput.fromObject({
        [RunbookEventKeys.STEP]: step,
        [RunbookEventKeys.WAVE_NAME]: sfn.JsonPath.stringAt('$.waveName'),
      }),
      resultSelector: {
        [RunbookResultKeys.COMPLETE]: sfn.JsonPath.stringAt(`$.Payload.${RunbookResultKeys.COMPLETE}`),
        [RunbookResultKeys.SUMMARY]: sfn.JsonPath.stringAt(`$.Payload.${RunbookResultKeys.SUMMARY}`),
      },
      resultPath: '$.last',
      // Lambda's own transient errors (retryOnServiceExceptions) are retried by the task's default retrier.
      retryOnServiceExceptions: true,
    });
    task.addRetry({
      errors: [RunbookErrors.MGN_UNAVAILABLE, 'Lambda.TooManyRequestsException', 'Lambda.Unknown'],
      interval: Duration.minutes(1),
      maxAttempts: 5,
      backoffRate: 2,
      maxDelay: Duration.minutes(10),
    });
    return task;
  }

  /**
   * A poll loop: the step, then `next` once it answers complete; else, unless `counter` reached the timeout's
   * polls, a wait, the counter counted, and the step again. Counting polls (not reading a clock) bounds the wait.
   */
  private poll(id: string, step: string, counter: string, interval: Duration, timeout: Duration, comment: string, timedOut: string,
    next: sfn.IChainable, waitFirst = true): sfn.IChainable {
    const maxPolls = Math.max(1, Math.ceil(timeout.toMilliseconds() / Math.max(1000, interval.toMilliseconds())));
    const task = this.step(`${id}Poll`, step, comment);
    const wait = new sfn.Wait(this, `${id}Wait`, { time: sfn.WaitTime.duration(interval) });
    const count = new sfn.Pass(this, `${id}Count`, {
      parameters: { n: sfn.JsonPath.mathAdd(sfn.JsonPath.numberAt(`$.${counter}.n`), 1) },
      resultPath: `$.${counter}`,
    });
    const fail = new sfn.Fail(this, `${id}TimedOut`, {
      error: timedOut,
      causePath: '$.last.summary',
      comment: `Not complete after ${timeout.toHumanString()}`,
    });
    const choice = new sfn.Choice(this, `${id}Complete`)
      .when(sfn.Condition.booleanEquals(`$.last.${RunbookResultKeys.COMPLETE}`, true), next)
      .when(sfn.Condition.numberGreaterThanEquals(`$.${counter}.n`, maxPolls), fail)
      .otherwise(wait);
    wait.next(count).next(task);
    task.next(choice);
    return waitFirst ? wait : task;
  }

  /** An approval: a task that waits for its token, announced on the topic, else by the runbook function's log. */
  private approval(id: string, approval: string, topic: sns.ITopic | undefined, timeout: Duration): sfn.TaskStateBase {
    const what = {
      wave: sfn.JsonPath.stringAt('$.waveName'),
      approval,
      execution: sfn.JsonPath.stringAt('$$.Execution.Id'),
      taskToken: sfn.JsonPath.taskToken,
    };
    const common = {
      comment: `${id === 'ApproveTest' ? 'd' : 'g'}. Approval: ${approval} (send-task-success with the task token)`,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      taskTimeout: sfn.Timeout.duration(timeout),
      resultPath: sfn.JsonPath.DISCARD,
    };
    if (topic !== undefined) {
      return new tasks.SnsPublish(this, id, {
        ...common,
        topic,
        subject: `MGN cutover runbook: ${approval}?`,
        message: sfn.TaskInput.fromObject({
          ...what,
          answer: 'aws stepfunctions send-task-success --task-token <taskToken> --task-output \'{}\' (or send-task-failure to stop the runbook)',
        }),
      });
    }
    return new tasks.LambdaInvoke(this, id, {
      ...common,
      lambdaFunction: this.runbookFunction,
      payload: sfn.TaskInput.fromObject({
        [RunbookEventKeys.STEP]: RunbookSteps.APPROVAL,
        [RunbookEventKeys.WAVE_NAME]: what.wave,
        [RunbookEventKeys.APPROVAL]: approval,
        [RunbookEventKeys.EXECUTION]: what.execution,
        [RunbookEventKeys.TASK_TOKEN]: what.taskToken,
      }),
    });
  }

  /** What cdk-nag's AwsSolutions pack finds here that MGN or Step Functions leaves no way around (README, "cdk-nag"). */
  private acknowledgeUnavoidableFindings(stack: Stack): void {
    acknowledgeNagFindings(this.role, [{
      id: 'AwsSolutions-IAM4',
      appliesTo: [`Policy::arn:<AWS::Partition>:iam::aws:policy/${MGN_EC2_ACCESS_POLICY}`],
      reason: 'MGN launches test and cutover instances with the caller\'s permissions; it documents this AWS managed policy for them',
    }, {
      id: 'AwsSolutions-IAM5',
      appliesTo: ['Resource::*'],
      reason: 'MGN ListWaves, ListApplications, DescribeSourceServers and DescribeJobs take no resource ARN',
    }, {
      id: 'AwsSolutions-IAM5',
      appliesTo: RUNBOOK_RESOURCE_TYPES.map((type) => resourceFinding(mgnArn(stack, `${type}/*`), this)),
      reason: 'The runbook acts on the wave\'s servers, applications and jobs, whose ids it learns at run time: those of the account and Region',
    }]);
    const smRole = this.stateMachine.role;
    acknowledgeNagFindings(smRole, [{
      id: 'AwsSolutions-IAM5',
      appliesTo: [allVersionsFinding(this.runbookFunction.functionArn, this)],
      reason: 'Step Functions grants its Lambda tasks lambda:InvokeFunction on every version of the runbook function',
    }, {
      id: 'AwsSolutions-IAM5',
      appliesTo: ['Resource::*'],
      reason: 'Step Functions logging and X-Ray tracing need log delivery and trace actions that take no resource ARN',
    }]);
  }
}

/** The MGN resource types the runbook's calls act on. */
const RUNBOOK_RESOURCE_TYPES = ['source-server', 'application', 'wave', 'job'];

/** An MGN ARN of the stack's account and Region. */
function mgnArn(stack: Stack, resource: string): string {
  return `arn:${stack.partition}:mgn:${stack.region}:${stack.account}:${resource}`;
}

/** What the runbook function may do besides what `AWSApplicationMigrationEC2Access` allows. */
export function runbookStatements(stack: Stack): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'Read',
      // Finding the wave, its applications, servers and jobs: these List and Describe actions take no resource ARN.
      actions: ['mgn:ListWaves', 'mgn:ListApplications', 'mgn:DescribeSourceServers', 'mgn:DescribeJobs'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'JobLog',
      // Why a launch failed.
      actions: ['mgn:DescribeJobLogItems'],
      resources: [mgnArn(stack, 'job/*')],
    }),
    new iam.PolicyStatement({
      sid: 'Launch',
      // Test and cutover launches (each makes a job), the lifecycle, finalizing and archiving the servers.
      actions: ['mgn:StartTest', 'mgn:StartCutover', 'mgn:ChangeServerLifeCycleState', 'mgn:FinalizeCutover', 'mgn:MarkAsArchived'],
      resources: [mgnArn(stack, 'source-server/*'), mgnArn(stack, 'job/*')],
    }),
    new iam.PolicyStatement({
      sid: 'Archive',
      // The wave's applications and the wave, once its servers are archived.
      actions: ['mgn:ArchiveApplication', 'mgn:ArchiveWave'],
      resources: [mgnArn(stack, 'application/*'), mgnArn(stack, 'wave/*')],
    }),
  ];
}
