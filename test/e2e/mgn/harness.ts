import * as path from 'path';
import { setTimeout as sleep } from 'timers/promises';
import { assertBundleIsFresh } from '../../support/bundle-freshness';
import { CloudFormationDriver, CloudFormationDriverOptions, CustomResourceHandler } from '../../support/cfn-driver';
import { MgnEmulator, MgnEmulatorOptions, startMgnEmulator } from '../../support/mgn-emulator';

/**
 * The MGN end-to-end harness: the MGN emulator (and its EC2 stub) on 127.0.0.1, and the handler bundle
 * that Lambda would run (lib/mgn/handler/bundle/index.js, built by `npm run build`), loaded after the
 * environment points its real MgnClient and EC2Client at the emulator. Nothing is injected into the
 * handler: it finds the endpoints, Region and credentials through the SDK's standard environment
 * (`AWS_ENDPOINT_URL_MGN`, `AWS_ENDPOINT_URL_EC2`), like in Lambda.
 */

const LIB = path.join(__dirname, '..', '..', '..', 'lib');
const HANDLER_DIR = path.join(LIB, 'mgn', 'handler');
export const MGN_BUNDLE = path.join(HANDLER_DIR, 'bundle', 'index.js');
const COMMON_DIR = path.join(LIB, 'handler-common');

/** The emulator's account and Region, which the synthesized stacks target too. */
export const E2E_ACCOUNT = '111122223333';
export const E2E_REGION = 'us-east-1';

/**
 * Socket limits of the handler's clients, read once when they are created. Small, so that what
 * @smithy/node-http-handler 2.5 leaves behind a failed connection (a timer of requestTimeout +
 * connectionTimeout) runs out soon after the tests: see {@link MgnE2eHarness.stop}.
 */
const CONNECTION_TIMEOUT_MS = 250;
const REQUEST_TIMEOUT_MS = 2_000;

/** The environment the bundle runs with besides the emulator's; retry delays are small so the suite is fast. */
const E2E_ENV: Readonly<Record<string, string>> = {
  CDK_SMS_RETRY_BASE_MS: '2',
  CDK_SMS_RETRY_MAX_MS: '40',
  CDK_SMS_RETRY_SAFETY_MS: '1000',
  CDK_SMS_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
  CDK_SMS_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
};

/** Variables that would take the SDK elsewhere than the emulator, or to real credentials. */
const CLEARED_ENV = ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_DEFAULT_REGION', 'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'CDK_SMS_RETRY_BUDGET_MS', 'CDK_SMS_NOT_FOUND_GRACE_MS'];

/** An emulator, the loaded handler, and the environment to put back. */
export interface MgnE2eHarness {
  readonly emu: MgnEmulator;
  readonly handler: CustomResourceHandler;
  /** A CloudFormation stand-in for one stack (its stack id names the stack, as CloudFormation's does). */
  driver(stackName: string, options?: Partial<CloudFormationDriverOptions>): CloudFormationDriver;
  /** Stops the emulator, waits out the SDK timers that failed connections leave (only when some failed), restores the environment. */
  stop(): Promise<void>;
}

/** Starts the emulator and loads the bundle against it; call from beforeAll. */
export async function startMgnHarness(options: MgnEmulatorOptions): Promise<MgnE2eHarness> {
  assertBundleIsFresh(MGN_BUNDLE, [HANDLER_DIR, COMMON_DIR]);
  const emu = await startMgnEmulator({ region: E2E_REGION, accountId: E2E_ACCOUNT, ...options });
  const saved = { ...process.env };
  for (const name of CLEARED_ENV) {
    delete process.env[name];
  }
  Object.assign(process.env, E2E_ENV, emu.env(), {
    // Files that do not exist: the SDK must find the emulator's keys, and nothing of the machine's.
    AWS_SHARED_CREDENTIALS_FILE: path.join(__dirname, 'no-such-credentials-file'),
    AWS_CONFIG_FILE: path.join(__dirname, 'no-such-config-file'),
  });
  const handler = await import(MGN_BUNDLE) as CustomResourceHandler;
  const networkFailures = () => {
    const failed = (s: typeof emu.stats) => s.faults.drop + s.faults['lost-response'];
    return failed(emu.stats) + failed(emu.ec2Stats);
  };
  return {
    emu,
    handler,
    driver: (stackName, driverOptions = {}) => new CloudFormationDriver({
      handler,
      stackName,
      stackId: `arn:aws:cloudformation:${E2E_REGION}:${E2E_ACCOUNT}:stack/${stackName}/5f1c1e40-8a1e-11ef-9d7a-0e2a3c4d5e6f`,
      ...driverOptions,
    }),
    stop: async () => {
      const failures = networkFailures();
      await emu.close();
      if (failures > 0) {
        await sleep(CONNECTION_TIMEOUT_MS + REQUEST_TIMEOUT_MS + 100);
      }
      process.env = saved;
    },
  };
}
