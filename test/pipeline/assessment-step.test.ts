/**
 * The assessment step's commands run as CodeBuild runs them (each in `sh`, the build stopping at the
 * first that fails), against the bundled `cdk-sms` command of this checkout in place of `npx cdk-sms`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UnknownPolicy } from '../../lib/assessment/types';
import { assessmentCommands, shellWord } from '../../lib/pipeline/assessment-step';
import { stageNameOf } from '../../lib/pipeline/pipeline-waves';
import { planOf, readyLinuxVm } from '../helpers/fixtures';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'lib', 'cli', 'cdk-sms.js');
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A source folder holding `files`. */
function sourceWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-assess-step-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Runs the commands in `dir` as CodeBuild's build phase does; the status of the build and the commands run. */
function build(dir: string, commands: readonly string[]): { status: number; ran: number } {
  // `npx cdk-sms ...` runs this checkout's bundled command: no registry, no installed package.
  const npx = `npx() { shift; node ${shellWord(CLI)} "$@"; }`;
  for (const [index, command] of commands.entries()) {
    const run = spawnSync('sh', ['-c', `${npx}\n${command}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (run.status !== 0) {
      return { status: run.status ?? -1, ran: index + 1 };
    }
  }
  return { status: 0, ran: commands.length };
}

const commands = (planPath: string, deployedWaves: string[] = ['wave-1']): string[] =>
  assessmentCommands({ planPath, strict: false, unknown: UnknownPolicy.WARN, asOf: '2026-12-04', deployedWaves, packFiles: [] });

describe('the assessment step\'s commands', () => {
  beforeAll(() => {
    expect(fs.existsSync(CLI)).toBe(true);
  });

  test('succeed on a plan whose VMs are all ready, writing both reports', () => {
    // GIVEN a ready plan
    const dir = sourceWith({ 'plans/plan.json': JSON.stringify(planOf([readyLinuxVm('web-01')])) });

    // WHEN
    const result = build(dir, commands('plans/plan.json'));

    // THEN
    expect(result).toEqual({ status: 0, ran: 3 });
    expect(fs.readFileSync(path.join(dir, 'cdk-sms-assessment', 'assessment.junit.xml'), 'utf8')).toMatch(/<testsuites[\s>]/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cdk-sms-assessment', 'assessment.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  test('pass the SMS example, whose five not-ready VMs are unscheduled: reported, but not deployed', () => {
    // GIVEN
    const dir = sourceWith({ 'examples/plan.json': fs.readFileSync(path.join(ROOT, 'examples', 'plan.json'), 'utf8') });

    // WHEN
    const result = build(dir, commands('examples/plan.json', ['wave-1', 'wave-2']));

    // THEN the step passes, and the JUnit report still names the unscheduled VMs' failures
    expect(result).toEqual({ status: 0, ran: 3 });
    expect(fs.readFileSync(path.join(dir, 'cdk-sms-assessment', 'assessment.junit.xml'), 'utf8')).toMatch(/<failure/);
  });

  test('stop the pipeline on a plan with a not-ready VM in a deployed wave, after writing both reports', () => {
    // GIVEN the SMS example with every VM in wave-1: its five not-ready VMs are deployed
    const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'plan.json'), 'utf8')) as { vms: Array<{ wave?: string }> };
    const dir = sourceWith({ 'examples/plan.json': JSON.stringify({ ...example, vms: example.vms.map((vm) => ({ ...vm, wave: 'wave-1' })) }) });

    // WHEN
    const result = build(dir, commands('examples/plan.json', ['wave-1']));

    // THEN the last command fails with the command's status, and the JUnit report names the failures
    expect(result).toEqual({ status: 1, ran: 3 });
    expect(fs.readFileSync(path.join(dir, 'cdk-sms-assessment', 'assessment.junit.xml'), 'utf8')).toMatch(/<failure/);
    expect(fs.existsSync(path.join(dir, 'cdk-sms-assessment', 'assessment.sarif'))).toBe(true);
  });

  test('stop at the first report on a plan that cannot be read', () => {
    // GIVEN a plan that is not JSON
    const dir = sourceWith({ 'plan.json': '{ "version": 1, ' });

    // WHEN
    const result = build(dir, commands('plan.json'));

    // THEN the SARIF command's status 2 stops the step; no report is written
    expect(result).toEqual({ status: 1, ran: 2 });
    expect(fs.existsSync(path.join(dir, 'cdk-sms-assessment', 'assessment.junit.xml'))).toBe(false);
  });

  test('read a plan whose path needs quoting', () => {
    const dir = sourceWith({ 'my plans/plan.json': JSON.stringify(planOf([readyLinuxVm('web-01')])) });
    expect(build(dir, commands('my plans/plan.json'))).toEqual({ status: 0, ran: 3 });
  });
});

describe('assessmentCommands', () => {
  test('load the organisation rule pack files in order, quoted for the shell', () => {
    const [, sarif] = assessmentCommands({
      planPath: 'plan.json', strict: false, unknown: UnknownPolicy.WARN, deployedWaves: ['wave-1'], packFiles: ['rules/org.js', 'rules/team pack.js'],
    });
    expect(sarif).toBe('npx cdk-sms assess plan.json --format sarif --output cdk-sms-assessment/assessment.sarif --deployed wave-1 '
      + '--pack rules/org.js --pack \'rules/team pack.js\' || [ $? -eq 1 ]');
  });
});

describe('shellWord', () => {
  test('leaves a plain path as it is and quotes any other', () => {
    expect(shellWord('plans/plan-1.json')).toBe('plans/plan-1.json');
    expect(shellWord('my plan.json')).toBe('\'my plan.json\'');
    expect(shellWord('it\'s $HOME.json')).toBe('\'it\'\\\'\'s $HOME.json\'');
  });
});

describe('stageNameOf', () => {
  test('keeps a wave name CodePipeline and CDK accept, and makes one of any other', () => {
    expect(stageNameOf('wave-1')).toBe('wave-1');
    expect(stageNameOf('Wave_2.db')).toBe('Wave_2.db');
    expect(stageNameOf('1st wave')).toBe('wave-1st-wave');
    expect(stageNameOf('wave 2 / db')).toBe('wave-2-db');
    expect(stageNameOf('x'.repeat(120))).toHaveLength(100);
  });
});
