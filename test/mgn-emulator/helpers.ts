import { EC2Client } from '@aws-sdk/client-ec2';
import { MgnClient } from '@aws-sdk/client-mgn';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { MgnEmulator, MgnEmulatorOptions, startMgnEmulator } from '../support/mgn-emulator';

/**
 * The real SDK clients reaching an emulator through the standard environment (AWS_ENDPOINT_URL_MGN/EC2,
 * AWS_REGION, static credentials), as the handler does; `maxAttempts: 1` unless a test says otherwise.
 */

/** Clients made since the last `close()`: destroyed with the emulator so no keep-alive socket outlives a test. */
const clients: Array<{ destroy(): void }> = [];

const ENV_KEYS = ['AWS_ENDPOINT_URL_MGN', 'AWS_ENDPOINT_URL_EC2', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];

/** Starts an emulator and points the process environment at it (restored by `stop`). */
export async function start(options: MgnEmulatorOptions = {}): Promise<MgnEmulator> {
  const emu = await startMgnEmulator(options);
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  Object.assign(process.env, emu.env());
  const close = emu.close.bind(emu);
  emu.close = async () => {
    clients.splice(0).forEach((c) => c.destroy());
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = v;
      }
    }
    await close();
  };
  return emu;
}

/**
 * @smithy/node-http-handler 2.5.0 clears its socket-usage warning timer (3 s by default) only on success, so a
 * request that fails below HTTP (drop, lost response) keeps Jest alive for 3 s. Its constructor drops
 * `socketAcquisitionWarningTimeout` (resolveDefaultConfig keeps only the timeouts and agents), so the option is
 * put back here: a 1 ms timer only runs that check early.
 */
class QuietHttpHandler extends NodeHttpHandler {
  constructor() {
    super({});
    const self = this as unknown as { configProvider: Promise<Record<string, unknown>> };
    self.configProvider = self.configProvider.then((config) => ({ ...config, socketAcquisitionWarningTimeout: 1 }));
  }
}

/** An MgnClient configured only by the environment. */
export function mgnClient(maxAttempts = 1): MgnClient {
  const c = new MgnClient({ maxAttempts, requestHandler: new QuietHttpHandler() });
  clients.push(c);
  return c;
}

/** An EC2Client configured only by the environment. */
export function ec2Client(maxAttempts = 1): EC2Client {
  const c = new EC2Client({ maxAttempts, requestHandler: new QuietHttpHandler() });
  clients.push(c);
  return c;
}

/** Runs `fn` and returns what it threw, failing when it did not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** HTTP status of an SDK error. */
export function statusOf(e: Record<string, unknown>): number | undefined {
  return (e.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode;
}

/** True for a failure below HTTP (connection reset, socket hang up). */
export function isNetworkError(e: Record<string, unknown> & Error): boolean {
  return statusOf(e) === undefined && /TimeoutError|ECONNRESET|socket hang up/.test(`${e.name} ${String(e.code)} ${e.message}`);
}

/** Valid CreateReplicationConfigurationTemplate input. */
export const RCT_INPUT = {
  stagingAreaSubnetId: 'subnet-0a1b2c3d4e5f60718', associateDefaultSecurityGroup: true, replicationServersSecurityGroupsIDs: [],
  replicationServerInstanceType: 't3.small', useDedicatedReplicationServer: false, defaultLargeStagingDiskType: 'GP3' as const,
  ebsEncryption: 'DEFAULT' as const, bandwidthThrottling: 0, dataPlaneRouting: 'PRIVATE_IP' as const, createPublicIP: false, stagingAreaTags: {},
};
