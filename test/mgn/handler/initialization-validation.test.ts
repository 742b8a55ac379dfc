import { DescribeReplicationConfigurationTemplatesCommand, InitializeServiceCommand, MgnClient, MgnServiceException } from '@aws-sdk/client-mgn';
import { mockClient } from 'aws-sdk-client-mock';
import { ResourceTypes } from '../../../lib/mgn/handler/api';
import { onEvent, setMgnClient } from '../../../lib/mgn/handler';
import { CapturedLogs, captureLogs, failure, resourceEvent } from './helpers';

/**
 * InitializeService answering ValidationException (what MGN answers an account already initialized is not
 * documented; the emulator answers 204): the handler asks DescribeReplicationConfigurationTemplates.
 */

const mgn = mockClient(MgnClient);
let logs: CapturedLogs;
const client = new MgnClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

const mgnError = (name: string, status: number) =>
  new MgnServiceException({ name, $fault: 'client', message: `${name} from the test`, $metadata: { httpStatusCode: status } });

beforeEach(() => {
  mgn.reset();
  setMgnClient(client);
  logs = captureLogs();
});
afterEach(() => {
  logs.restore();
  setMgnClient();
});

describe('InitializeService answering ValidationException', () => {
  test('succeeds when MGN answers as an initialized account does', async () => {
    // GIVEN
    mgn.on(InitializeServiceCommand).rejects(mgnError('ValidationException', 400));
    mgn.on(DescribeReplicationConfigurationTemplatesCommand).resolves({ items: [] });
    // WHEN
    const answer = await onEvent(resourceEvent(ResourceTypes.INITIALIZATION, 'Create', {}));
    // THEN
    expect(answer.PhysicalResourceId).toBe('mgn-initialization:eu-west-1');
    expect(logs.records()).toContainEqual(expect.objectContaining({ step: 'initialize', outcome: 'already initialized' }));
  });

  test('fails with MGN\'s reason when the account is still not initialized', async () => {
    // GIVEN
    mgn.on(InitializeServiceCommand).rejects(mgnError('ValidationException', 400));
    mgn.on(DescribeReplicationConfigurationTemplatesCommand).rejects(mgnError('UninitializedAccountException', 400));
    // WHEN
    const message = await failure(onEvent(resourceEvent(ResourceTypes.INITIALIZATION, 'Create', {})));
    // THEN
    expect(message).toBe('InitializeService for MGN initialization failed: ValidationException: ValidationException from the test; '
      + 'check that the MGN service roles exist and that the handler may create the service-linked role');
  });
});
