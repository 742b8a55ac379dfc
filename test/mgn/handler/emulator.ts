import { EC2Client } from '@aws-sdk/client-ec2';
import { MgnClient } from '@aws-sdk/client-mgn';
import { setEc2Client, setMgnClient } from '../../../lib/mgn/handler';
import { MgnEmulator, MgnEmulatorOptions, startMgnEmulator } from '../../support/mgn-emulator';
import { CapturedLogs, captureLogs } from './helpers';

/** What a test file gets from {@link useEmulator}. */
export interface EmulatorHarness {
  /** The emulator of the running test. */
  emu(): MgnEmulator;
  /** The handler's log lines of the running test. */
  logs(): CapturedLogs;
  /** A client of the emulator for the test's own calls (arranging state), outside the handler. */
  mgn(): MgnClient;
}

/**
 * The test clients' configuration: one attempt, as the handler's own clients. (The socket-usage check of
 * @smithy/node-http-handler 2.x arms a 3 s timer per request that a request ending in a broken connection
 * never clears, so Jest notes that it "did not exit one second after the test run" after the tests of lost
 * answers; the option that would shorten it is dropped by that version's config resolution.)
 */
const CLIENT_CONFIG = { maxAttempts: 1 };

/**
 * A fresh MGN emulator for each test, with the handler's real SDK clients created from its environment
 * (`AWS_ENDPOINT_URL_MGN`, `AWS_ENDPOINT_URL_EC2`, `AWS_REGION`, credentials), as the Lambda would, and
 * tiny retry delays. Call at a test file's top level.
 */
export function useEmulator(options: MgnEmulatorOptions = {}): EmulatorHarness {
  let emu: MgnEmulator | undefined;
  let logs: CapturedLogs | undefined;
  let own: MgnClient | undefined;
  let handlerClients: Array<MgnClient | EC2Client> = [];
  const saved = { ...process.env };
  beforeEach(async () => {
    emu = await startMgnEmulator({ region: 'eu-west-1', initialized: true, seed: 7, ...options });
    Object.assign(process.env, emu.env(), { CDK_SMS_RETRY_BASE_MS: '1', CDK_SMS_RETRY_MAX_MS: '4', CDK_SMS_RETRY_BUDGET_MS: '5000' });
    const clients = { mgn: new MgnClient(CLIENT_CONFIG), ec2: new EC2Client(CLIENT_CONFIG) };
    setMgnClient(clients.mgn);
    setEc2Client(clients.ec2);
    handlerClients = [clients.mgn, clients.ec2];
    own = new MgnClient(CLIENT_CONFIG);
    logs = captureLogs();
  });
  afterEach(async () => {
    logs?.restore();
    setMgnClient();
    setEc2Client();
    own?.destroy();
    handlerClients.forEach((c) => c.destroy());
    process.env = { ...saved };
    await emu?.close();
  });
  return {
    emu: () => emu as MgnEmulator,
    logs: () => logs as CapturedLogs,
    mgn: () => own as MgnClient,
  };
}
