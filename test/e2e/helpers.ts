import * as path from 'path';
import { setTimeout as sleep } from 'timers/promises';
import { assertBundleIsFresh } from '../support/bundle-freshness';
import { CloudFormationDriver, CloudFormationDriverOptions, CustomResourceHandler } from '../support/cfn-driver';
import { SmsEmulator } from '../support/sms-emulator';

/**
 * The end-to-end harness: the SMS emulator on 127.0.0.1, and the handler bundle that Lambda would run
 * (lib/sms/handler/bundle/index.js, built by `npm run build`), loaded after the environment
 * points its real SMSClient at the emulator. Nothing is injected into the handler: it finds the endpoint,
 * region and credentials through the SDK's standard environment, like in Lambda.
 */

const HANDLER_DIR = path.join(__dirname, '..', '..', 'lib', 'sms', 'handler');
export const BUNDLE = path.join(HANDLER_DIR, 'bundle', 'index.js');
// The bundle holds the handler's folder, the shared handler code and the dependency-free leaves of lib/private.
const PRIVATE_DIR = path.join(__dirname, '..', '..', 'lib', 'private');
const COMMON_DIR = path.join(__dirname, '..', '..', 'lib', 'handler-common');

/** The bundle's exports. */
export interface HandlerBundle extends CustomResourceHandler {
  setSmsClient(client?: unknown): void;
  resetServerCatalogCache(): void;
}

/**
 * Socket limits of the handler's client, read once when the bundle loads. Small, so that what
 * @smithy/node-http-handler 2.5 leaves behind a failed connection (its socket-usage check timer, set to
 * requestTimeout + connectionTimeout and never cleared when a request fails below HTTP) runs out soon
 * after the tests: see {@link E2eHarness.stop}.
 */
const CONNECTION_TIMEOUT_MS = 250;
const REQUEST_TIMEOUT_MS = 2_000;

/** The environment the bundle is loaded with; retry delays are small so the suite is fast. */
export const E2E_ENV: Readonly<Record<string, string>> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDE2EEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'e2eSecretKeyThatIsNotAnAwsCredential0000',
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
export interface E2eHarness {
  readonly emu: SmsEmulator;
  readonly handler: HandlerBundle;
  /** A driver for one simulated stack, advancing the emulator's clock while it waits. */
  driver(options?: Partial<CloudFormationDriverOptions>): CloudFormationDriver;
  /** Back to the seeded emulator state, and a handler without a cached catalog (between tests). */
  reset(): void;
  /**
   * Stops the emulator, waits out the SDK timers that failed connections leave (only when connections
   * failed), and restores the environment.
   */
  stop(): Promise<void>;
}

/** Starts the emulator and loads the bundle against it; call from beforeAll. */
export async function startHarness(seed: number): Promise<E2eHarness> {
  assertBundleIsFresh(BUNDLE, [HANDLER_DIR, PRIVATE_DIR, COMMON_DIR]);
  const emu = await SmsEmulator.start({ seed, port: 0 });
  const saved = { ...process.env };
  for (const name of CLEARED_ENV) {
    delete process.env[name];
  }
  Object.assign(process.env, E2E_ENV, {
    AWS_ENDPOINT_URL_SMS: emu.endpoint,
    // Files that do not exist: the SDK must find the keys above, and nothing of the machine's.
    AWS_SHARED_CREDENTIALS_FILE: path.join(__dirname, 'no-such-credentials-file'),
    AWS_CONFIG_FILE: path.join(__dirname, 'no-such-config-file'),
  });
  const bundlePath = BUNDLE;
  const handler = await import(bundlePath) as HandlerBundle;
  let networkFailures = 0;
  const countNetworkFailures = () => {
    const { faults } = emu.stats.snapshot();
    networkFailures += faults.drop + faults['lost-response'];
  };
  return {
    emu,
    handler,
    driver: (options = {}) => new CloudFormationDriver({ handler, advanceClock: (ms) => emu.clock.advance(ms), ...options }),
    reset: () => {
      countNetworkFailures();
      emu.reset();
      handler.resetServerCatalogCache();
    },
    stop: async () => {
      countNetworkFailures();
      await emu.stop();
      if (networkFailures > 0) {
        await sleep(CONNECTION_TIMEOUT_MS + REQUEST_TIMEOUT_MS + 100);
      }
      process.env = saved;
    },
  };
}

/** A regex matching `template` exactly, where each `<n>` stands for a number (`12`, `0.4`). */
export function sentence(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<n>/g, '[\\d.]+');
  return new RegExp(`^${escaped}$`);
}
