import { CREATE_FAILED_MARKER, CloudFormationDriver, ResourceDefinition, asCloudFormationSends, customResources } from '../support/cfn-driver';

/**
 * The CloudFormation driver itself, against a scripted handler: it must call onEvent and isComplete the
 * way CloudFormation and the Provider framework do (sms-api.md §10.1), or the end-to-end suite proves
 * nothing.
 */

type Event = Record<string, unknown>;

/** A handler that records what it receives and answers from the given functions. */
function scripted(onEvent: (e: Event) => unknown, isComplete: (e: Event) => unknown = () => ({ IsComplete: true })) {
  const calls: Array<{ fn: string; event: Event; remainingMs: number }> = [];
  return {
    calls,
    handler: {
      onEvent: async (event: Event, context?: { getRemainingTimeInMillis(): number }) => {
        calls.push({ fn: 'onEvent', event, remainingMs: context?.getRemainingTimeInMillis() ?? -1 });
        return onEvent(event);
      },
      isComplete: async (event: Event, context?: { getRemainingTimeInMillis(): number }) => {
        calls.push({ fn: 'isComplete', event, remainingMs: context?.getRemainingTimeInMillis() ?? -1 });
        return isComplete(event);
      },
    },
  };
}

const fail = (message: string) => () => {
  throw new Error(message);
};

function resource(properties: Record<string, unknown>, policy: 'Delete' | 'Retain' = 'Delete'): ResourceDefinition {
  return { type: 'Custom::Test', properties, deletionPolicy: policy, updateReplacePolicy: policy };
}

describe('a request', () => {
  test('goes to onEvent, then to isComplete with onEvent\'s answer merged in, polled with the clock advanced in between', async () => {
    // GIVEN
    let polls = 0;
    const advanced: number[] = [];
    const { handler, calls } = scripted(() => ({ PhysicalResourceId: 'job-1', Data: { A: '1' }, Extra: 42 }),
      () => (++polls < 3 ? { IsComplete: false } : { IsComplete: true, Data: { B: '2' } }));
    const driver = new CloudFormationDriver({ handler, advanceClock: (ms) => advanced.push(ms) });

    // WHEN
    const outcome = await driver.create('Res', resource({ Size: '3' }));

    // THEN
    expect(outcome).toMatchObject({ status: 'SUCCESS', physicalResourceId: 'job-1', data: { A: '1', B: '2' } });
    expect(calls.map((c) => c.fn)).toEqual(['onEvent', 'isComplete', 'isComplete', 'isComplete']);
    expect(advanced).toEqual([30_000, 30_000]);
    expect(calls[0].event).toMatchObject({ RequestType: 'Create', LogicalResourceId: 'Res', StackId: driver.stackId, ResourceType: 'Custom::Test',
      ResourceProperties: { ServiceToken: expect.stringMatching(/^arn:aws:lambda:/), Size: '3' } });
    expect(calls[0].event).not.toHaveProperty('PhysicalResourceId');
    expect(calls[1].event).toMatchObject({ PhysicalResourceId: 'job-1', Data: { A: '1' }, Extra: 42, RequestType: 'Create' });
    expect(calls[0].remainingMs).toBeGreaterThan(299_000);
    expect(calls[1].remainingMs).toBeLessThanOrEqual(120_000);
    expect(driver.resource('Res')).toMatchObject({ physicalResourceId: 'job-1', data: { A: '1', B: '2' } });
  });

  test('fails with "Operation timed out" after the waiter\'s attempts', async () => {
    // GIVEN
    const { handler, calls } = scripted(() => ({ PhysicalResourceId: 'job-1' }), () => ({ IsComplete: false }));
    const driver = new CloudFormationDriver({ handler, queryIntervalMs: 10_000, totalTimeoutMs: 50_000 });

    // WHEN
    const outcome = await driver.create('Res', resource({}));

    // THEN
    expect(outcome).toMatchObject({ status: 'FAILED', reason: 'Operation timed out', physicalResourceId: 'job-1' });
    expect(calls.filter((c) => c.fn === 'isComplete' && c.event.RequestType === 'Create')).toHaveLength(6);
  });

  test('fails when isComplete answers Data without being complete', async () => {
    const { handler } = scripted(() => ({ PhysicalResourceId: 'job-1' }), () => ({ IsComplete: false, Data: { A: '1' } }));
    const outcome = await new CloudFormationDriver({ handler }).create('Res', resource({}));
    expect(outcome.reason).toBe('"Data" is not allowed if "IsComplete" is "False"');
  });

  test('gets the RequestId as physical id when a Create answers none', async () => {
    const { handler } = scripted(() => ({}));
    const outcome = await new CloudFormationDriver({ handler }).create('Res', resource({}));
    expect(outcome.physicalResourceId).toMatch(/^e2e00000-/);
  });
});

describe('a failed Create', () => {
  test('in onEvent is recorded with the framework\'s marker, whose rollback Delete never reaches the handler', async () => {
    const { handler, calls } = scripted(fail('no such VM'));
    const outcome = await new CloudFormationDriver({ handler }).create('Res', resource({}));
    expect(outcome).toMatchObject({ status: 'FAILED', reason: 'no such VM', physicalResourceId: CREATE_FAILED_MARKER,
      rollback: { status: 'SKIPPED', requestType: 'Delete' } });
    expect(calls.map((c) => c.fn)).toEqual(['onEvent']);
  });

  test('in isComplete keeps onEvent\'s physical id, and the rollback Delete for it reaches the handler', async () => {
    const { handler, calls } = scripted((e) => (e.RequestType === 'Create' ? { PhysicalResourceId: 'job-1' } : {}), (e) => {
      if (e.RequestType === 'Create') {
        throw new Error('job failed');
      }
      return { IsComplete: true };
    });
    const driver = new CloudFormationDriver({ handler });
    const outcome = await driver.create('Res', resource({ Size: '3' }));
    expect(outcome).toMatchObject({ status: 'FAILED', reason: 'job failed', physicalResourceId: 'job-1', rollback: { status: 'SUCCESS' } });
    expect(calls[2].event).toMatchObject({ RequestType: 'Delete', PhysicalResourceId: 'job-1', ResourceProperties: { Size: '3' } });
    expect(driver.stackResources).toEqual([]);
  });
});

describe('an Update', () => {
  test('that answers a new physical id is followed by a Delete of the old id, with the old properties', async () => {
    const { handler, calls } = scripted((e) => (e.RequestType === 'Delete' ? {} : { PhysicalResourceId: `job-${String(e.RequestType)}` }));
    const driver = new CloudFormationDriver({ handler });
    await driver.create('Res', resource({ Server: 'a' }));
    const outcome = await driver.update('Res', resource({ Server: 'b' }));
    expect(outcome).toMatchObject({ status: 'SUCCESS', physicalResourceId: 'job-Update', replacedPhysicalResourceId: 'job-Create',
      cleanup: { status: 'SUCCESS', physicalResourceId: 'job-Create' } });
    const update = calls.find((c) => c.event.RequestType === 'Update')!;
    expect(update.event).toMatchObject({ PhysicalResourceId: 'job-Create', ResourceProperties: { Server: 'b' }, OldResourceProperties: { Server: 'a' } });
    const cleanup = calls.find((c) => c.event.RequestType === 'Delete')!;
    expect(cleanup.event).toMatchObject({ PhysicalResourceId: 'job-Create', ResourceProperties: { Server: 'a' } });
  });

  test('under UpdateReplacePolicy Retain sends no Delete for the old id, and lists it as retained', async () => {
    const { handler, calls } = scripted((e) => ({ PhysicalResourceId: `job-${String(e.RequestType)}` }));
    const driver = new CloudFormationDriver({ handler });
    await driver.create('Res', resource({ Server: 'a' }, 'Retain'));
    const outcome = await driver.update('Res', resource({ Server: 'b' }, 'Retain'));
    expect(outcome.cleanup).toMatchObject({ status: 'SKIPPED' });
    expect(calls.some((c) => c.event.RequestType === 'Delete')).toBe(false);
    expect(driver.retained).toEqual([{ logicalResourceId: 'Res', physicalResourceId: 'job-Create', why: 'UpdateReplacePolicy' }]);
    expect(driver.expectedPhysicalIds()).toEqual(['job-Create', 'job-Update']);
  });

  test('that fails is rolled back with an Update whose properties are swapped, to the physical id recorded before', async () => {
    const { handler, calls } = scripted((e) => {
      if (e.RequestType === 'Update' && (e.ResourceProperties as Event).Size === '4') {
        throw new Error('refused');
      }
      return { PhysicalResourceId: 'job-1' };
    });
    const driver = new CloudFormationDriver({ handler });
    await driver.create('Res', resource({ Size: '3' }));
    const outcome = await driver.update('Res', resource({ Size: '4' }));
    expect(outcome).toMatchObject({ status: 'FAILED', reason: 'refused', rollback: { status: 'SUCCESS', physicalResourceId: 'job-1' } });
    expect(calls.at(-2)!.event).toMatchObject({ RequestType: 'Update', PhysicalResourceId: 'job-1', ResourceProperties: { Size: '3' },
      OldResourceProperties: { Size: '4' } });
    expect(driver.resource('Res')!.definition.properties).toEqual({ Size: '3' });
  });

  test('of nothing but policies sends nothing', async () => {
    const { handler, calls } = scripted(() => ({ PhysicalResourceId: 'job-1' }));
    const driver = new CloudFormationDriver({ handler });
    await driver.create('Res', resource({ Size: '3' }));
    expect(await driver.update('Res', resource({ Size: '3' }, 'Retain'))).toMatchObject({ status: 'SKIPPED' });
    expect(calls).toHaveLength(2);
  });
});

describe('a Delete', () => {
  test('that answers another physical id fails, as the framework refuses it', async () => {
    const { handler } = scripted((e) => ({ PhysicalResourceId: e.RequestType === 'Delete' ? 'other' : 'job-1' }));
    const driver = new CloudFormationDriver({ handler });
    await driver.create('Res', resource({}));
    const outcome = await driver.delete('Res');
    expect(outcome.reason).toBe('DELETE: cannot change the physical resource ID from "job-1" to "other" during deletion');
    expect(driver.resource('Res')).toBeDefined();
  });

  test('under DeletionPolicy Retain is never sent', async () => {
    const { handler, calls } = scripted(() => ({ PhysicalResourceId: 'job-1' }));
    const driver = new CloudFormationDriver({ handler });
    await driver.create('Res', resource({}, 'Retain'));
    expect(await driver.deploy({})).toEqual({ Res: expect.objectContaining({ status: 'SKIPPED' }) });
    expect(calls.map((c) => c.event.RequestType)).toEqual(['Create', 'Create']);
    expect(driver.retained).toEqual([{ logicalResourceId: 'Res', physicalResourceId: 'job-1', why: 'DeletionPolicy' }]);
  });
});

describe('template properties', () => {
  test('arrive as CloudFormation sends them: scalars as strings, intrinsics resolved, no ServiceToken', () => {
    // GIVEN
    const template = {
      Resources: {
        Job: {
          Type: 'Custom::Test',
          Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] }, Hours: 12, On: true, Role: { Ref: 'Role' }, Key: { 'Fn::GetAtt': ['Key', 'Arn'] },
            List: [1, { Nested: false }] },
          DeletionPolicy: 'Retain',
        },
        Other: { Type: 'AWS::IAM::Role' },
      },
    };

    // WHEN
    const found = customResources(template, 'Custom::Test', { ref: { Role: 'my-role' }, getAtt: { 'Key.Arn': 'arn:aws:kms:key' } });

    // THEN
    expect(found).toEqual({ Job: { type: 'Custom::Test', deletionPolicy: 'Retain', updateReplacePolicy: undefined,
      properties: { Hours: '12', On: 'true', Role: 'my-role', Key: 'arn:aws:kms:key', List: ['1', { Nested: 'false' }] } } });
  });

  test('refuse an intrinsic without a value, naming it', () => {
    expect(() => asCloudFormationSends({ Ref: 'Role' }, {}, 'Job.RoleName'))
      .toThrow('Job.RoleName: {"Ref":"Role"} has no value, give it in IntrinsicValues (ref "Role")');
  });
});

describe('a stack deploy', () => {
  /** A handler that records the order in which resources are created and deleted, and fails the ids given. */
  function ordering(failing: readonly string[] = []) {
    const order: string[] = [];
    const { handler } = scripted((e) => {
      const id = String(e.LogicalResourceId);
      order.push(`${String(e.RequestType)} ${id}`);
      if (failing.includes(id)) {
        throw new Error(`${id} fails`);
      }
      return { PhysicalResourceId: `p-${id}` };
    });
    return { order, handler };
  }
  const dependent = (dependsOn: string[] = []): ResourceDefinition => ({ type: 'Custom::Test', properties: {}, dependsOn });

  test('creates a resource after those it depends on, and deletes it before them', async () => {
    // GIVEN a chain Wave <- Import <- Server, and a second server independent of the import
    const { handler, order } = ordering();
    const driver = new CloudFormationDriver({ handler });
    const definitions = { Server: dependent(['Import', 'Wave']), Import: dependent(['Wave']), Wave: dependent(), Other: dependent(['Wave']) };

    // WHEN
    await driver.deploy(definitions);
    const created = [...order];
    order.length = 0;
    await driver.deleteStack();

    // THEN
    const before = (list: string[], a: string, b: string) => list.indexOf(a) < list.indexOf(b);
    expect(created).toHaveLength(4);
    expect(before(created, 'Create Wave', 'Create Import')).toBe(true);
    expect(before(created, 'Create Import', 'Create Server')).toBe(true);
    expect(before(created, 'Create Wave', 'Create Other')).toBe(true);
    expect(order).toHaveLength(4);
    expect(before(order, 'Delete Server', 'Delete Import')).toBe(true);
    expect(before(order, 'Delete Import', 'Delete Wave')).toBe(true);
    expect(before(order, 'Delete Other', 'Delete Wave')).toBe(true);
    expect(driver.stackResources).toEqual([]);
  });

  test('does not send a resource whose dependency failed, and says why', async () => {
    // GIVEN
    const { handler, order } = ordering(['Wave']);
    const driver = new CloudFormationDriver({ handler });

    // WHEN
    const outcomes = await driver.deploy({ Wave: dependent(), Server: dependent(['Wave']), Unrelated: dependent(['NotInThisStack']) });

    // THEN
    expect(outcomes.Server).toMatchObject({ status: 'FAILED', reason: 'not sent: Wave failed' });
    expect(outcomes.Unrelated).toMatchObject({ status: 'SUCCESS' });
    expect(order.filter((o) => o.startsWith('Create Server'))).toEqual([]);
  });

  test('refuses a circular DependsOn, naming the circle', async () => {
    const { handler } = ordering();
    const driver = new CloudFormationDriver({ handler });
    await expect(driver.deploy({ A: dependent(['B']), B: dependent(['A']) })).rejects.toThrow('circular DependsOn: A -> B -> A');
  });

  test('reads DependsOn from the template, as a string or a list', () => {
    const template = { Resources: {
      W: { Type: 'Custom::A', Properties: {} },
      S: { Type: 'Custom::B', Properties: {}, DependsOn: 'W' },
      T: { Type: 'Custom::B', Properties: {}, DependsOn: ['W', 'S'] },
      X: { Type: 'AWS::S3::Bucket', Properties: {} },
    } };
    const found = customResources(template, ['Custom::A', 'Custom::B']);
    expect(Object.keys(found).sort()).toEqual(['S', 'T', 'W']);
    expect(found.S).toMatchObject({ type: 'Custom::B', dependsOn: ['W'] });
    expect(found.T.dependsOn).toEqual(['W', 'S']);
    expect(found.W.dependsOn).toBeUndefined();
  });
});

describe('intrinsics', () => {
  const values = { ref: { 'AWS::AccountId': '123456789012', 'AWS::Region': 'eu-west-1', Bucket: 'b-1' }, getAtt: { 'Wave.WaveId': 'wave-1' } };

  test('Fn::Sub resolves pseudo parameters, Refs and GetAtts, and keeps ${!Literal}', () => {
    expect(asCloudFormationSends({ 'Fn::Sub': 'cdk-assets-${AWS::AccountId}-${AWS::Region}/${Bucket}/${Wave.WaveId}/${!Keep}' }, values))
      .toBe('cdk-assets-123456789012-eu-west-1/b-1/wave-1/${Keep}');
  });

  test('Fn::Join joins resolved parts', () => {
    expect(asCloudFormationSends({ 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'Bucket' }, '/*']] }, values)).toBe('arn:aws:s3:::b-1/*');
  });

  test('Fn::Sub without a value names what is missing', () => {
    expect(() => asCloudFormationSends({ 'Fn::Sub': '${AWS::Partition}' }, values, 'Res.Bucket'))
      .toThrow('Res.Bucket (Fn::Sub): {"Ref":"AWS::Partition"} has no value, give it in IntrinsicValues (ref "AWS::Partition")');
  });
});
