/**
 * Jest's global setup: one temporary folder for the whole run, which every test process uses as its
 * temporary directory (`TMPDIR`, read by `os.tmpdir()`). Whatever a test leaves there (an `App`
 * without an `outdir` makes a `cdk.out*` folder of its own, a child process or a browser profile
 * writes its files) goes with the folder in the global teardown: `npm test` leaves nothing in /tmp.
 * Test files still remove their own folders in `afterAll`; this is the net under them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The variable that names the run's folder, for the teardown (in the same process). */
export const RUN_TMP_VARIABLE = 'CDK_SMS_TEST_TMPDIR';

export default function globalSetup(): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-jest-'));
  process.env[RUN_TMP_VARIABLE] = root;
  // Worker processes start after this and inherit the environment.
  process.env.TMPDIR = root;
}
