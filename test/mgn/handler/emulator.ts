import { MgnClient } from '@aws-sdk/client-mgn';
import { setEc2Client, setMgnClient } from '../../../lib/mgn/handler';
import { MgnEmulator, MgnEmulatorOptions } from '../../support/mgn-emulator';
import { ec2Client, mgnClient, start } from '../../mgn-emulator/helpers';
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

/** The retry tunables of the handler, shrunk for tests. */
const RETRY_ENV = { CDK_SMS_RETRY_BASE_MS: '1', CDK_SMS_RETRY_MAX_MS: '4', CDK_SMS_RETRY_BUDGET_MS: '5000' };

/**
 * A fresh MGN emulator for each test, with the handler's real SDK clients (one attempt) created from its
 * environment (`AWS_ENDPOINT_URL_MGN`, `AWS_ENDPOINT_URL_EC2`, `AWS_REGION`, credentials), as the Lambda
 * would, and tiny retry delays. The clients are the emulator tests' (test/mgn-emulator/helpers.ts):
 * destroyed with the emulator, and quiet after a broken connection. Call at a test file's top level.
 */
export function useEmulator(options: MgnEmulatorOptions = {}): EmulatorHarness {
  let emu: MgnEmulator | undefined;
  let logs: CapturedLogs | undefined;
  let own: MgnClient | undefined;
  const saved = { ...process.env };
  beforeEach(async () => {
    emu = await start({ region: 'eu-west-1', initialized: true, seed: 7, ...options });
    Object.assign(process.env, RETRY_ENV);
    setMgnClient(mgnClient());
    setEc2Client(ec2Client());
    own = mgnClient();
    logs = captureLogs();
  });
  afterEach(async () => {
    logs?.restore();
    setMgnClient();
    setEc2Client();
    await emu?.close();
    process.env = { ...saved };
  });
  return {
    emu: () => emu as MgnEmulator,
    logs: () => logs as CapturedLogs,
    mgn: () => own as MgnClient,
  };
}
