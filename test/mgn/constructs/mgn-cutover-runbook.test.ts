import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { MgnCutoverRunbook, MgnCutoverRunbookProps } from '../../../lib';
import { RUNBOOK_HANDLER, RunbookErrors, RunbookSteps } from '../../../lib/mgn/runbook/api';
import { HANDLER_NODE_MAJOR } from '../../../lib/sms/handler/api';
import { useRunbookBundle } from './bundle';

const ENV = { account: '123456789012', region: 'eu-west-1' };
useRunbookBundle();

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function newStack(): Stack {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-mgn-runbook-'));
  outdirs.push(outdir);
  return new Stack(new App({ outdir }), 'Stack', { env: ENV });
}

interface State {
  readonly Type: string;
  readonly Next?: string;
  readonly Resource?: string;
  readonly Parameters?: Record<string, unknown>;
  readonly Retry?: Array<{ ErrorEquals: string[]; MaxAttempts?: number }>;
  readonly Choices?: Array<Record<string, unknown>>;
  readonly Default?: string;
  readonly TimeoutSeconds?: number;
  readonly Seconds?: number;
  readonly Error?: string;
  readonly CausePath?: string;
  readonly ResultPath?: string | null;
}

/** The state machine's definition, its tokens (function ARNs, partition) written as `<token>`. */
function definition(stack: Stack): { StartAt: string; States: Record<string, State> } {
  const machines = Template.fromStack(stack).findResources('AWS::StepFunctions::StateMachine');
  const raw = Object.values(machines)[0].Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] };
  const text = raw['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : '<token>')).join('');
  return JSON.parse(text) as { StartAt: string; States: Record<string, State> };
}

/** The states in the order an execution that meets no failure visits them, a poll counted once. */
function happyPath(def: { StartAt: string; States: Record<string, State> }): string[] {
  const seen: string[] = [];
  let at: string | undefined = def.StartAt;
  while (at !== undefined && !seen.includes(at)) {
    seen.push(at);
    const state: State = def.States[at];
    at = state.Type === 'Choice' ? (state.Choices![0].Next as string) : state.Next;
  }
  return seen;
}

function runbook(props: Partial<MgnCutoverRunbookProps> = {}): { stack: Stack; runbook: MgnCutoverRunbook } {
  const stack = newStack();
  return { stack, runbook: new MgnCutoverRunbook(stack, 'Runbook', { waveName: 'wave-1', ...props }) };
}

describe('MgnCutoverRunbook', () => {
  test('the default timeouts and interval fit an execution\'s history', () => {
    const { stack } = runbook();
    const s = definition(stack).States;
    expect(s.ReadyWait.Seconds).toBe(300);
    expect(s.ReadyComplete.Choices![1]).toEqual({ Variable: '$.readyPolls.n', NumericGreaterThanEquals: 864, Next: 'ReadyTimedOut' });
    expect(s.TestJobsComplete.Choices![1]).toEqual({ Variable: '$.testPolls.n', NumericGreaterThanEquals: 72, Next: 'TestJobsTimedOut' });
    expect(s.ApproveTest.TimeoutSeconds).toBe(7 * 86_400);
  });

  test('runs the steps in order: ready, test, approval, cutover, approval, finalize, archive', () => {
    // GIVEN / WHEN
    const { stack } = runbook();

    // THEN
    const def = definition(stack);
    expect(happyPath(def)).toEqual([
      'Start', 'ReadyPoll', 'ReadyComplete', 'LaunchTest', 'TestJobsWait', 'TestJobsCount', 'TestJobsPoll', 'TestJobsComplete', 'ApproveTest',
      'MarkReadyForCutover', 'LaunchCutover', 'CutoverJobsWait', 'CutoverJobsCount', 'CutoverJobsPoll', 'CutoverJobsComplete', 'ApproveCutover',
      'Finalize', 'Archive', 'Done',
    ]);
    const steps = Object.entries(def.States).filter(([, s]) => s.Parameters?.Payload !== undefined)
      .map(([name, s]) => [name, (s.Parameters!.Payload as Record<string, unknown>).step]);
    expect(Object.fromEntries(steps)).toEqual({
      ReadyPoll: RunbookSteps.READY, LaunchTest: RunbookSteps.LAUNCH_TEST, TestJobsPoll: RunbookSteps.TEST_JOBS, ApproveTest: RunbookSteps.APPROVAL,
      MarkReadyForCutover: RunbookSteps.READY_FOR_CUTOVER, LaunchCutover: RunbookSteps.LAUNCH_CUTOVER, CutoverJobsPoll: RunbookSteps.CUTOVER_JOBS,
      ApproveCutover: RunbookSteps.APPROVAL, Finalize: RunbookSteps.FINALIZE, Archive: RunbookSteps.ARCHIVE,
    });
    expect(def.States.Start.Parameters).toEqual({ waveName: 'wave-1', readyPolls: { n: 0 }, testPolls: { n: 0 }, cutoverPolls: { n: 0 } });
  });

  test('polls with waits and counts the polls, failing with a named error and the last summary at the timeout', () => {
    // GIVEN / WHEN
    const { stack } = runbook({ pollInterval: Duration.minutes(5), readyTimeout: Duration.hours(1), launchTimeout: Duration.hours(2) });

    // THEN
    const s = definition(stack).States;
    expect(s.TestJobsWait).toMatchObject({ Type: 'Wait', Seconds: 300 });
    expect(s.TestJobsCount.Parameters).toEqual({ 'n.$': 'States.MathAdd($.testPolls.n, 1)' });
    expect(s.ReadyComplete.Choices).toEqual([
      { Variable: '$.last.complete', BooleanEquals: true, Next: 'LaunchTest' },
      { Variable: '$.readyPolls.n', NumericGreaterThanEquals: 12, Next: 'ReadyTimedOut' },
    ]);
    expect(s.ReadyComplete.Default).toBe('ReadyWait');
    expect(s.TestJobsComplete.Choices![1]).toEqual({ Variable: '$.testPolls.n', NumericGreaterThanEquals: 24, Next: 'TestJobsTimedOut' });
    expect(s.ReadyTimedOut).toMatchObject({ Type: 'Fail', Error: 'WaveNotReadyInTime', CausePath: '$.last.summary' });
    expect(s.TestJobsTimedOut.Error).toBe('TestLaunchTimedOut');
    expect(s.CutoverJobsTimedOut.Error).toBe('CutoverLaunchTimedOut');
  });

  test('retries every step when Lambda or MGN is unavailable', () => {
    const { stack } = runbook();
    const s = definition(stack).States;
    for (const name of ['ReadyPoll', 'LaunchTest', 'TestJobsPoll', 'MarkReadyForCutover', 'LaunchCutover', 'CutoverJobsPoll', 'Finalize', 'Archive']) {
      const errors = s[name].Retry!.flatMap((r) => r.ErrorEquals);
      expect([name, errors]).toEqual([name, expect.arrayContaining([RunbookErrors.MGN_UNAVAILABLE, 'Lambda.ServiceException',
        'Lambda.TooManyRequestsException'])]);
      expect(s[name].Retry!.some((r) => r.ErrorEquals.includes(RunbookErrors.LAUNCH_FAILED))).toBe(false);
      expect(s[name].ResultPath).toBe('$.last');
    }
  });

  test('waits for a task token at each approval: by the function\'s log without a topic, by an SNS message with one', () => {
    // GIVEN / WHEN
    const { stack } = runbook({ approvalTimeout: Duration.days(2) });
    const withTopic = newStack();
    new MgnCutoverRunbook(withTopic, 'Runbook', { waveName: 'wave-1', approvalTopic: new sns.Topic(withTopic, 'Approvals', { enforceSSL: true }) });

    // THEN
    const plain = definition(stack).States.ApproveTest;
    expect(plain.Resource).toBe('arn:<token>:states:::lambda:invoke.waitForTaskToken');
    expect(plain.TimeoutSeconds).toBe(172_800);
    expect(plain.ResultPath).toBeNull();
    expect(plain.Parameters!.Payload).toEqual({ 'step': RunbookSteps.APPROVAL, 'waveName.$': '$.waveName', 'approval': 'test accepted',
      'execution.$': '$$.Execution.Id', 'taskToken.$': '$$.Task.Token' });
    const announced = definition(withTopic).States.ApproveCutover;
    expect(announced.Resource).toBe('arn:<token>:states:::sns:publish.waitForTaskToken');
    expect(announced.Parameters).toMatchObject({ Subject: 'MGN cutover runbook: cutover accepted?',
      Message: { 'wave.$': '$.waveName', 'approval': 'cutover accepted', 'taskToken.$': '$$.Task.Token' } });
    Template.fromStack(withTopic).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sns:Publish' })]) },
    });
  });

  test('defines the function from the bundle, with logs, a state machine that logs and traces', () => {
    const { stack } = runbook({ stateMachineName: 'wave-1-cutover' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: RUNBOOK_HANDLER, Runtime: `nodejs${HANDLER_NODE_MAJOR}.x`, Timeout: 900 });
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'wave-1-cutover', TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  test('gives the function MGN\'s launch policy and the runbook\'s MGN actions on the account and Region\'s resources only', () => {
    // GIVEN / WHEN
    const { stack, runbook: rb } = runbook();

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSApplicationMigrationEC2Access']] }],
    });
    const roleId = stack.resolve((rb.role as iam.Role).roleName);
    const policy = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [roleId] } }))[0];
    const statements = (policy.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>).map((st) => ({
      sid: st.Sid, actions: st.Action, resources: JSON.stringify(stack.resolve(st.Resource)).replace(/\{"Ref":"AWS::Partition"\}/g, 'aws'),
    }));
    const mgn = (type: string) => `arn:",aws,":mgn:eu-west-1:123456789012:${type}`;
    expect(statements.find((st) => st.sid === 'Read')).toEqual({ sid: 'Read', resources: '"*"',
      actions: ['mgn:ListWaves', 'mgn:ListApplications', 'mgn:DescribeSourceServers', 'mgn:DescribeJobs'] });
    expect(statements.find((st) => st.sid === 'JobLog')!.resources).toContain(mgn('job/*'));
    const launch = statements.find((st) => st.sid === 'Launch')!;
    expect(launch.actions).toEqual(['mgn:StartTest', 'mgn:StartCutover', 'mgn:ChangeServerLifeCycleState', 'mgn:FinalizeCutover',
      'mgn:MarkAsArchived']);
    expect(launch.resources).toContain(mgn('source-server/*'));
    const archive = statements.find((st) => st.sid === 'Archive')!;
    expect(archive.resources).toContain(mgn('application/*'));
    expect(archive.resources).toContain(mgn('wave/*'));
    // AND nothing else of MGN, and no wildcard action
    const actions = statements.flatMap((st) => [st.actions].flat() as string[]);
    expect(actions.filter((a) => a.startsWith('mgn:')).sort()).toEqual(['mgn:ArchiveApplication', 'mgn:ArchiveWave',
      'mgn:ChangeServerLifeCycleState', 'mgn:DescribeJobLogItems', 'mgn:DescribeJobs', 'mgn:DescribeSourceServers', 'mgn:FinalizeCutover',
      'mgn:ListApplications', 'mgn:ListWaves', 'mgn:MarkAsArchived', 'mgn:StartCutover', 'mgn:StartTest']);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
  });

  test('fails when the wave name or a duration cannot be used, naming each', () => {
    expect(() => runbook({ waveName: ' wave-1' })).toThrow(/waveName " wave-1" is not a wave name, use 1 to 256 characters/);
    expect(() => runbook({ pollInterval: Duration.millis(10) }))
      .toThrow(/pollInterval 10 millis is not a whole number of seconds of at least 1 second/);
    expect(() => runbook({ pollInterval: Duration.hours(1), launchTimeout: Duration.minutes(30) }))
      .toThrow(/launchTimeout 30 minutes is shorter than pollInterval 1 hour, use a longer timeout/);
    expect(() => runbook({ pollInterval: Duration.minutes(1), readyTimeout: Duration.days(7) }))
      .toThrow(/readyTimeout 7 days and launchTimeout 6 hours make up to 10800 polls every 1 minute, more than the 25000 events/);
  });
});
