/**
 * The example app (bin/app.ts, run by cdk.json) through the real `cdk` command line, as a user runs it:
 * `cdk synth` in a child process, in the repository root, into a temporary folder.
 *
 * Synthesis needs no AWS credentials (the wave stacks are environment-agnostic): every AWS_* variable
 * is removed from the child's environment, and the version check, notices and telemetry are off, so
 * that nothing goes to the network. Each run takes several seconds (ts-node compiles the app), hence
 * few runs and a generous timeout.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planOf, readyLinuxVm } from '../helpers/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const CDK = path.join(ROOT, 'node_modules', '.bin', 'cdk');
const EXAMPLE = path.join(ROOT, 'examples', 'plan.json');

/** One `cdk` run takes 5 to 15 seconds; several run while other test files do. */
const TIMEOUT_MS = 120_000;

/** A line of a stack trace. */
const STACK_FRAME = /^\s+at\s/m;

interface CdkRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The folder given to `--output`. */
  readonly outdir: string;
}

const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-integ-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** The environment of the child: no AWS credentials or profile, nothing that reaches the network. */
function cdkEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_') && !key.startsWith('CDK_') && key !== 'FORCE_COLOR') {
      env[key] = value;
    }
  }
  return {
    ...env,
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    // Without credentials the CLI looks for the default account; never on an instance metadata service.
    AWS_EC2_METADATA_DISABLED: 'true',
    NO_COLOR: '1',
  };
}

/** Runs `cdk ARGS --no-notices --output <a new temporary folder>` in the repository root. */
function cdk(args: string[]): Promise<CdkRun> {
  const outdir = tempDir();
  return new Promise((resolve, reject) => {
    const child = spawn(CDK, [...args, '--no-notices', '--output', outdir], {
      cwd: ROOT, env: cdkEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: TIMEOUT_MS - 10_000,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({
      status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), outdir,
    }));
  });
}

/** Writes a plan into a temporary file and returns its path. */
function planFile(content: string | object): string {
  const file = path.join(tempDir(), 'plan.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** A ready RHEL VM with a server of its own (two VMs naming one server fail SMS-JOB3). */
function vm(name: string, wave: string | undefined, change: (vm: ReturnType<typeof readyLinuxVm>) => void = () => undefined): object {
  const result = readyLinuxVm(name);
  result.source = { vmPath: `/DC1/vm/${name}`, vmId: `vm-${name}` };
  if (wave === undefined) {
    delete result.wave;
  } else {
    result.wave = wave;
  }
  change(result);
  return result;
}

interface ExampleVm {
  readonly name: string;
  readonly wave?: string;
}

const EXAMPLE_VMS: ExampleVm[] = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')).vms;

interface ManifestArtifact {
  readonly type: string;
  readonly displayName?: string;
  readonly properties?: { readonly templateFile?: string };
  readonly dependencies?: string[];
}

interface Manifest {
  readonly artifacts: Record<string, ManifestArtifact>;
}

describe('cdk synth of the example app', () => {
  test('synthesizes the shipped plan: one template per wave, the report and the firewall rules, and shows the warnings', async () => {
    // WHEN
    const result = await cdk(['synth', '--quiet']);

    // THEN it succeeds
    expect(result.status).toBe(0);
    const output = `${result.stdout}\n${result.stderr}`;

    // THEN the warnings of the deployed VMs are shown with their rule id, acknowledgeable
    const warned = [...output.matchAll(/^WARNING VM ([\w-]+): (SMS-[A-Z]+\d+) /gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    expect(warned).toEqual([
      'batch-01 SMS-PREP1', 'batch-01 SMS-PREP11', 'batch-01 SMS-PREP12', 'batch-01 SMS-PREP2', 'batch-01 SMS-PREP5', 'batch-01 SMS-PREP6',
      'files-01 SMS-PREP12',
      'mon-01 SMS-NET2',
    ]);
    expect(output).toMatch(/VM mon-01: SMS-NET2 nic 1 has 2001:db8:20::15: IPv6 is not supported/);
    expect(output).toContain('Acknowledge with \'Annotation::cdk-sms-migration:SMS-NET2\'');
    // ... and the errors of the VMs no wave deploys are notes, which fail nothing
    const noted = [...output.matchAll(/not deployed by this app: VM ([\w-]+): (SMS-[A-Z]+\d+) /g)].map((m) => m[1]);
    expect(new Set(noted)).toEqual(new Set(['legacy-01', 'legacy-02', 'hv-web-02', 'desk-02', 'ftp-01']));

    // THEN the assessment report covers the whole plan
    const report = JSON.parse(fs.readFileSync(path.join(result.outdir, 'Migration.sms-assessment.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['summary', 'vms', 'connectors']);
    expect(report.summary).toEqual({ vms: 25, ready: 14, readyWithConditions: 5, notReady: 5, unknown: 1 });
    expect(report.vms.map((v: { name: string }) => v.name)).toEqual(EXAMPLE_VMS.map((v) => v.name));

    // THEN the Markdown and HTML reports are beside it
    expect(fs.readFileSync(path.join(result.outdir, 'Migration.sms-assessment.md'), 'utf8')).toMatch(/^## SMS migration assessment/);
    expect(fs.readFileSync(path.join(result.outdir, 'Migration.sms-assessment.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);

    // THEN the connectors' firewall rules are written as JSON and CSV
    const rows = JSON.parse(fs.readFileSync(path.join(result.outdir, 'Migration.connector-firewall-rules.json'), 'utf8'));
    expect(new Set(rows.map((r: { connector: string }) => r.connector))).toEqual(new Set(['dc1-connector', 'hv-connector']));
    const csv = fs.readFileSync(path.join(result.outdir, 'Migration.connector-firewall-rules.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^connector,/);
    expect(csv.split('\r\n').filter((line) => line.startsWith('hv-connector,')).length).toBeGreaterThan(0);

    // THEN there is one stack per wave, with one job per VM of the wave, each depending on the provider stack
    const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(result.outdir, 'manifest.json'), 'utf8'));
    const artifacts = Object.entries(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack');
    expect(artifacts.map(([, a]) => a.displayName).sort()).toEqual(['Migration/Provider', 'Migration/wave-1', 'Migration/wave-2']);
    const [providerId] = artifacts.find(([, a]) => a.displayName === 'Migration/Provider')!;
    const stacks = artifacts.filter(([id]) => id !== providerId).map(([, a]) => a);
    for (const stack of stacks) {
      expect(stack.dependencies).toContain(providerId);
      const wave = stack.displayName!.split('/')[1];
      const template = JSON.parse(fs.readFileSync(path.join(result.outdir, stack.properties!.templateFile!), 'utf8'));
      const jobs = Object.values(template.Resources as Record<string, { Type: string; Properties: { DisplayName: string } }>)
        .filter((r) => r.Type === 'Custom::SmsReplicationJob');
      expect(jobs.map((j) => j.Properties.DisplayName).sort()).toEqual(EXAMPLE_VMS.filter((v) => v.wave === wave).map((v) => v.name).sort());
    }
  }, TIMEOUT_MS);

  test('fails on a VM that is not ready in a wave, one line per finding, and writes no cloud assembly', async () => {
    // GIVEN a wave with a VM on an unsupported RHEL release and one converted from a physical machine
    const plan = planFile(planOf([
      vm('old-01', 'wave-1', (v) => { v.os.version = '7.4'; }),
      vm('p2v-01', 'wave-1', (v) => { v.createdByP2V = true; }),
      vm('ok-01', 'wave-1'),
    ]));

    // WHEN
    const result = await cdk(['synth', '--quiet', '-c', `plan=${plan}`]);

    // THEN
    expect(result.status).not.toBe(0);
    const lines = result.stderr.split('\n');
    expect(lines.filter((line) => /VM [\w-]+: SMS-/.test(line))).toEqual([
      expect.stringMatching(/VM old-01: SMS-OS2 RHEL 7\.4 is not supported \(supported: [^)]*\)\. Fix: /),
      expect.stringMatching(/VM p2v-01: SMS-HV5 the VM was created by a P2V conversion .*\. Fix: /),
    ]);
    expect(fs.existsSync(path.join(result.outdir, 'manifest.json'))).toBe(false);
    // AND the assessment reports are written all the same, where the last line says
    expect(result.stderr).toContain(`the assessment reports are written nonetheless: ${path.join(result.outdir, 'Migration.sms-assessment.json')}`);
    const report = JSON.parse(fs.readFileSync(path.join(result.outdir, 'Migration.sms-assessment.json'), 'utf8'));
    expect(report.summary).toMatchObject({ vms: 3, notReady: 2 });
    expect(fs.existsSync(path.join(result.outdir, 'Migration.sms-assessment.html'))).toBe(true);
  }, TIMEOUT_MS);

  test('fails on a -c waves= value that names no wave with its message, not a stack trace', async () => {
    // WHEN
    const result = await cdk(['synth', '--quiet', '-c', 'waves=wave-9']);

    // THEN
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/waves names "wave-9", which no VM of examples\/plan\.json is in \(waves: wave-1, wave-2\)/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  }, TIMEOUT_MS);

  test('with the validation plugin, prints the findings in CDK\'s validation report and fails after it', async () => {
    // GIVEN a wave with a VM on an unsupported RHEL release and one with a second NIC
    const plan = planFile(planOf([
      vm('old-01', 'wave-1', (v) => { v.os.version = '7.4'; }),
      vm('nic-01', 'wave-1', (v) => { v.nics.push({ ipv4: ['192.168.9.9'], ipv6: [], addressing: 'dhcp' }); }),
    ]));

    // WHEN
    const result = await cdk(['synth', '--quiet', '-c', `plan=${plan}`, '-c', 'validationPlugin=true']);

    // THEN CDK's report names the VM, the fact, the job's resource and the fix, and synthesis fails
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ERROR VM old-01: RHEL 7\.4 is not supported .*\(cdk-sms-migration\)/);
    expect(result.stderr).toMatch(/Migration\/wave-1\/old-01\/Resource\/Default/);
    expect(result.stderr).toMatch(/Suggested fix: /);
    expect(result.stderr).toMatch(/WARNING VM nic-01: 2 network interfaces/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    const report = JSON.parse(fs.readFileSync(path.join(result.outdir, 'validation-report.json'), 'utf8'));
    const ours = report.pluginReports.find((r: { pluginName: string }) => r.pluginName === 'cdk-sms-migration');
    expect(ours.conclusion).toBe('failure');
    expect(ours.violations.map((v: { ruleName: string }) => v.ruleName).sort()).toEqual(['SMS-NET1', 'SMS-OS2']);
  }, TIMEOUT_MS);

  test('fails on a plan file with a JSON syntax error, naming the file, line and column, without a stack trace', async () => {
    // GIVEN a stray comma at line 4, column 20
    const plan = planFile('{\n  "version": 1,\n  "vms": [\n    { "name": "a" ,, }\n  ]\n}\n');

    // WHEN
    const result = await cdk(['synth', '--quiet', '-c', `plan=${plan}`]);

    // THEN
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`${plan}:4:20: invalid JSON`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(fs.existsSync(path.join(result.outdir, 'manifest.json'))).toBe(false);
  }, TIMEOUT_MS);

  test('fails with --strict on the shipped plan, whose VMs have warnings', async () => {
    // WHEN
    const result = await cdk(['synth', '--quiet', '--strict']);

    // THEN
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/VM mon-01: SMS-NET2 /);
    expect(result.stderr).toMatch(/--strict/);
  }, TIMEOUT_MS);

  test('shows the plan\'s own warnings and notes, which --strict fails on too', async () => {
    // GIVEN a plan-wide acknowledgement that matches nothing, and a not-ready VM that no wave deploys
    const plan = planFile(planOf([vm('ok-01', 'wave-1'), vm('old-01', undefined, (v) => { v.os.version = '7.4'; })], {
      acknowledge: [{ rule: 'SMS-NET1', reason: 'left over from an older plan' }],
    }));

    // WHEN
    const result = await cdk(['synth', '--quiet', '--strict', '-c', `plan=${plan}`]);

    // THEN the warning and the note are on the wave stack (outside a stack they would be dropped)
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^WARNING .*the acknowledgement of SMS-NET1 for the plan matches no finding \("left over from an older plan"\)/m);
    expect(result.stderr).toMatch(/^INFO not deployed by this app: VM old-01: SMS-OS2 RHEL 7\.4 is not supported/m);
    expect(result.stderr).toContain('Acknowledge with \'Annotation::cdk-sms-migration:UnusedAcknowledgement\'');
  }, TIMEOUT_MS);
});
