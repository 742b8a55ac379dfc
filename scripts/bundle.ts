// Compiles the plan schema's validators, then bundles what runs as a program of its own, after tsc,
// so that nothing is bundled at a user's synth: the `cdk-sms` command (a few files start several
// times faster than a hundred modules), the replication-job handler with the SMS client inside it
// (Lambda's Node.js runtimes no longer ship @aws-sdk/client-sms), and the MGN handler with its clients.
// Run by `npm run build`.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build, buildSync, Plugin } from 'esbuild';
import { HANDLER_NODE_MAJOR } from '../lib/sms/handler/api';
import { writePlanValidators } from './compile-schema';

const root = path.join(__dirname, '..');

// First: the CLI bundle takes the plan validators in.
writePlanValidators();

// The `cdk-sms` command in three files, so that each run reads only what it uses: cdk-sms.js answers
// `--version` and loads the program; cdk-sms-run.js is the program with every command but import;
// cdk-sms-import.js is the import command with the importers. The package's dependencies are not
// bundled: they are installed with it, and each is loaded only by the code that needs it. The status
// command (cdk-sms-status.js) is apart too, and holds the MGN client, a devDependency bundled in
// from its ES module entry points so that only the three commands it sends are kept; so are the `mgn`
// verbs of the cutover runbook (cdk-sms-mgn.js), with the client and the runbook's steps.
const cli = path.join(root, 'lib', 'cli');
const CLI_PARTS: ReadonlyArray<{ entry: string; outfile: string; apart: Record<string, string>; bundlesSdk?: boolean }> = [
  { entry: 'main.ts', outfile: 'cdk-sms.js', apart: { './run': './cdk-sms-run.js' } },
  {
    entry: 'run.ts',
    outfile: 'cdk-sms-run.js',
    apart: { './commands/import': './cdk-sms-import.js', './commands/status': './cdk-sms-status.js', './commands/mgn': './cdk-sms-mgn.js' },
  },
  { entry: path.join('commands', 'import.ts'), outfile: 'cdk-sms-import.js', apart: {} },
  { entry: path.join('commands', 'status.ts'), outfile: 'cdk-sms-status.js', apart: {}, bundlesSdk: true },
  { entry: path.join('commands', 'mgn.ts'), outfile: 'cdk-sms-mgn.js', apart: {}, bundlesSdk: true },
];

/** The package's own dependencies: installed with it, never bundled. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DEPENDENCIES = Object.keys((require('../package.json') as { dependencies: Record<string, string> }).dependencies);

/** Leaves the modules named (as written in an import) out of a bundle, required at run time from the path given. */
function apart(paths: Record<string, string>): Plugin {
  return {
    name: 'apart',
    setup(bundle) {
      for (const [from, to] of Object.entries(paths)) {
        const exactly = new RegExp(`^${from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        bundle.onResolve({ filter: exactly }, () => ({ path: to, external: true }));
      }
    },
  };
}

async function bundleCli(): Promise<void> {
  for (const part of CLI_PARTS) {
    await build({
      entryPoints: [path.join(cli, part.entry)],
      outfile: path.join(cli, part.outfile),
      bundle: true,
      platform: 'node',
      target: 'node20',
      // A part that bundles the SDK leaves out only the package's dependencies; the others leave out every package.
      ...(part.bundlesSdk === true ? { external: DEPENDENCIES, mainFields: ['module', 'main'] } : { packages: 'external' as const }),
      plugins: [apart(part.apart)],
      sourcemap: false,
      legalComments: 'inline',
      logLevel: 'warning',
    });
  }
}

/**
 * A Lambda function's code, bundled with its SDK clients: for the Node.js of the handlers' Lambda
 * runtime, not the oldest one the library supports (the CLI's). Function and class names are kept: SDK
 * errors are told apart by name, and stack traces stay readable.
 *
 * @param esModulesFirst read the clients' ES module builds, which let esbuild drop the commands the code
 *   never sends (the CommonJS build of the EC2 client keeps hundreds of them)
 */
function bundleFunction(folder: readonly string[], esModulesFirst: boolean): void {
  buildSync({
    entryPoints: [path.join(root, 'lib', ...folder, 'index.ts')],
    outfile: path.join(root, 'lib', ...folder, 'bundle', 'index.js'),
    bundle: true,
    platform: 'node',
    target: `node${HANDLER_NODE_MAJOR}`,
    ...(esModulesFirst ? { mainFields: ['module', 'main'] } : {}),
    minify: true,
    keepNames: true,
    legalComments: 'external',
    logLevel: 'warning',
  });
}

// The SMS handler; the MGN handler with the MGN and EC2 clients; the MGN cutover runbook's function.
bundleFunction(['sms', 'handler'], false);
bundleFunction(['mgn', 'handler'], true);
bundleFunction(['mgn', 'runbook'], true);

/**
 * V8's code cache of the program (lib/cli/code-cache.ts): the program run once on the example plan, as
 * `cdk-sms assess examples/plan.json --format json` runs, in a process of its own.
 */
function trainProgramCodeCache(): void {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-cache-'));
  try {
    const program = path.join(cli, 'cdk-sms-run.js');
    const train = `require(${JSON.stringify(path.join(cli, 'code-cache.js'))}).trainCodeCache(${JSON.stringify(program)})`;
    const args = ['assess', path.join(root, 'examples', 'plan.json'), '--format', 'json', '--output', path.join(out, 'report.json')];
    const result = spawnSync(process.execPath, ['-e', train, path.join(cli, 'cdk-sms.js'), ...args], { encoding: 'utf8' });
    // The example plan has VMs that are not ready: exit 1 is its assessment, anything else a fault.
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`the code cache's training run failed (exit ${result.status}): ${result.stderr}`);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

bundleCli().then(trainProgramCodeCache).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
