import { MgnEmulator, startMgnEmulator } from '../../support/mgn-emulator';
import { ResourceTypes } from '../../../lib/mgn/handler/api';
import { mgnClient, ec2Client, setEc2Client, setMgnClient } from '../../../lib/mgn/handler/client';
import { onEvent } from '../../../lib/mgn/handler';
import { CapturedLogs, captureLogs, resourceEvent } from './helpers';

let emu: MgnEmulator;
let logs: CapturedLogs;
const saved = { ...process.env };
beforeAll(async () => {
  emu = await startMgnEmulator({ region: 'eu-west-2', initialized: false });
  Object.assign(process.env, emu.env());
  logs = captureLogs();
});
afterAll(async () => {
  logs.restore();
  mgnClient().destroy();
  ec2Client().destroy();
  process.env = { ...saved };
  await emu.close();
});

describe('the handler\'s own clients', () => {
  test('take the Region, the credentials and the endpoints from the standard environment, with one attempt', async () => {
    // GIVEN no client set by a test
    setMgnClient();
    setEc2Client();
    // WHEN
    const answer = await onEvent(resourceEvent(ResourceTypes.INITIALIZATION, 'Create', {}));
    // THEN the call reached the emulator, in its Region
    expect(answer.PhysicalResourceId).toBe('mgn-initialization:eu-west-2');
    expect(emu.initialized).toBe(true);
    expect(await mgnClient().config.maxAttempts()).toBe(1);
    expect(await ec2Client().config.region()).toBe('eu-west-2');
  });
});
