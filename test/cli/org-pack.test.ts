import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FindingOutcome } from '../../lib/assessment/types';
import { packFolder } from '../organization/example-pack';
import { EXAMPLE, jsonOf, PROCESS_TEST_TIMEOUT_MS, run, runProcess, STACK_FRAME } from './helpers';

// The command as `npx cdk-sms` runs it (the esbuild bundle), with pack files that require their own copy
// of the library: nothing may rely on the bundle's classes being theirs.
jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);

let dir: string;
let pack: string;

const WIN2008_PLAN = {
  version: 1,
  vms: [
    { name: 'old-01', hypervisor: 'vmware', os: { family: 'windows', name: 'windows-server', version: '2008' } },
    { name: 'new-01', hypervisor: 'vmware', os: { family: 'windows', name: 'windows-server', version: '2016' } },
  ],
};

beforeAll(() => {
  dir = packFolder({
    'throws.js': 'throw new Error("the policy server is unreachable");\n',
    'shape.js': 'module.exports = { name: "Broken", vmRules: "none" };\n',
    'nothing.js': 'exports.rules = [];\n',
    'collides.js': 'const { OrganizationRulePack, Severity, pass } = require("cdk-sms-migration");\n'
      + 'const pack = new OrganizationRulePack({ name: "Other" });\n'
      + 'pack.addVmRule({ id: "ORG-WIN2008", section: "S", severity: Severity.INFO, title: "t", explanation: "e", remediation: "r", '
      + 'check: () => pass() });\nexports.pack = pack;\n',
    'acknowledged.json': JSON.stringify({ ...WIN2008_PLAN, acknowledge: [{ rule: 'ORG-WIN2008', reason: 'we accept it', vms: ['old-*'] }] }),
    'typo.json': JSON.stringify({ ...WIN2008_PLAN, acknowledge: [{ rule: 'ORG-WIN2007', reason: 'why' }] }),
  });
  pack = path.join(dir, 'org-pack.js');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cdk-sms assess --pack', () => {
  test('judges with the pack: the table names it and the exit status fails on its error', () => {
    // GIVEN the example plan, whose db-01 runs Windows Server 2008 R2
    // WHEN it is assessed with and without the example pack
    const plain = runProcess(['assess', EXAMPLE, '-f', 'json']);
    const table = runProcess(['assess', EXAMPLE, '--pack', pack]);
    const json = runProcess(['assess', EXAMPLE, '--pack', pack, '-f', 'json']);
    // THEN the table names the pack, and exits 1
    expect(table.status).toBe(1);
    expect(table.stderr).toBe('');
    expect(table.stdout).toContain('Organisation rule pack: Example Corp');
    expect(table.stdout).toMatch(/db-01 +wave-1 +not-ready/);
    // AND the JSON report holds the finding, the pack and the rules it added or changed
    const report = jsonOf(json);
    expect(report.vms.find((v) => v.name === 'db-01')?.findings.find((f) => f.rule === 'ORG-WIN2008')).toEqual({
      rule: 'ORG-WIN2008', severity: 'error', outcome: FindingOutcome.FAIL, acknowledged: false,
      message: 'Windows Server 2008 R2: Windows Server 2008 and 2008 R2 are not migrated (Example Corp policy)',
    });
    expect(report.organizationPacks).toEqual(['Example Corp']);
    expect(report.organizationRules?.map((r) => [r.id, r.severity, r.hard])).toEqual([['SMS-LIC6', 'error', false], ['ORG-WIN2008', 'error', true]]);
    // AND without the pack, db-01 is ready and nothing is said of packs
    const before = jsonOf(plain);
    expect(before.vms.find((v) => v.name === 'db-01')?.verdict).toBe('ready-with-conditions');
    expect(before.organizationPacks).toBeUndefined();
  });

  test('refuses the acknowledgement of an unacknowledgeable rule, and accepts the id only with the pack', () => {
    // GIVEN a plan that acknowledges ORG-WIN2008
    const plan = path.join(dir, 'acknowledged.json');
    // WHEN it is assessed with and without the pack
    const withPack = runProcess(['assess', plan, '--pack', pack, '-f', 'json']);
    const without = runProcess(['assess', plan]);
    // THEN with the pack the error stands with the refusal; without it the id is unknown (exit 2)
    expect(withPack.status).toBe(1);
    const finding = jsonOf(withPack).vms[0].findings.find((f) => f.rule === 'ORG-WIN2008');
    expect(finding?.note).toMatch(/the Example Corp rule pack makes it unacknowledgeable/);
    expect(without.status).toBe(2);
    expect(without.stderr)
      .toMatch(/acknowledged\.json:\d+:\d+: acknowledge\[0\]\.rule: "ORG-WIN2008" is not a rule id \(no organisation rule pack is loaded\)/);
  });

  test('says where to install the package when a pack file cannot require it, and names another missing module, without a require stack', () => {
    // GIVEN pack files in a folder where cdk-sms-migration is not installed
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-bare-pack-'));
    try {
      fs.writeFileSync(path.join(bare, 'needs-package.js'), 'module.exports = require("cdk-sms-migration");\n');
      fs.writeFileSync(path.join(bare, 'needs-other.js'), 'module.exports = require("org-policy-client");\n');
      // WHEN
      const runs = ['needs-package.js', 'needs-other.js'].map((file) => runProcess(['rules', '--pack', path.join(bare, file)]));
      // THEN
      expect(runs.map((r) => r.status)).toEqual([2, 2]);
      expect(runs[0].stderr)
        .toMatch(/^cdk-sms: --pack \S*needs-package\.js: the file failed while loading: it requires cdk-sms-migration, which is not /);
      expect(runs[0].stderr).toContain('install the package in the project that holds the pack file (npm install cdk-sms-migration)\n');
      expect(runs[1].stderr).toMatch(
        /^cdk-sms: --pack \S*needs-other\.js: the file failed while loading: it requires org-policy-client, which cannot be found from the file\n$/);
      expect(runs.map((r) => r.stderr).join('')).not.toMatch(/Require stack|more problems/);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });

  test('points at an acknowledged organisation id that no pack declares', () => {
    const result = runProcess(['assess', path.join(dir, 'typo.json'), '--pack', pack]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/"ORG-WIN2007" is not a rule id \(did you mean "ORG-WIN2008"\?\)/);
  });

  test.each([
    ['missing.js', /^cdk-sms: --pack \S*missing\.js: no such file\n$/],
    ['throws.js', /^cdk-sms: --pack \S*throws\.js: the file failed while loading: the policy server is unreachable\n$/],
    ['shape.js', /^cdk-sms: --pack \S*shape\.js: rule pack Broken: targets must be a list of one or more of sms, mgn, got undefined \(and \d+ more problems\)\n$/],
    ['nothing.js', /^cdk-sms: --pack \S*nothing\.js: exports no organisation rule pack: expected `module\.exports = pack` or `exports\.pack = pack` with an OrganizationRulePack, got an object with keys rules\n$/],
    ['collides.js', /^cdk-sms: --pack: rule pack Other: rule id ORG-WIN2008 is also a rule of rule pack Example Corp: each rule id is declared once\n$/],
  ])('a bad pack file (%s) is one line on stderr and exit status 2', (file, message) => {
    // GIVEN a pack file that is missing, throws, exports the wrong shape, nothing, or a colliding id
    // WHEN assess loads it after the example pack
    const result = runProcess(['assess', EXAMPLE, '--pack', pack, '--pack', path.join(dir, file)]);
    // THEN one line says which file and what was expected, with no stack trace
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('cdk-sms rules and explain --pack', () => {
  test('rules lists the pack\'s rules after the service\'s, with raised severities and hard flags', () => {
    // WHEN the SMS and MGN catalogues are listed with the pack
    const sms = runProcess(['rules', '--pack', pack]);
    const mgn = run(['rules', '--target', 'mgn', '--format', 'json', '--pack', pack]);
    // THEN the table ends with ORG-WIN2008 (hard), SMS-LIC6 is an error, and the summary names the pack
    expect(sms.status).toBe(0);
    expect(sms.stdout).toMatch(/\nSMS-LIC6 +error +A Windows VM licensed BYOL/);
    expect(sms.stdout).toMatch(/\nORG-WIN2008 +error +yes +The VM does not run Windows Server 2008 or 2008 R2\n\n/);
    expect(sms.stdout).toContain('68 rules of AWS Server Migration Service and the organisation rule pack Example Corp.');
    // AND the JSON of MGN's catalogue carries the rule with its pack
    const rules = JSON.parse(mgn.stdout) as Array<Record<string, unknown>>;
    expect(rules[rules.length - 1]).toMatchObject({ id: 'ORG-WIN2008', hard: true, hardBy: 'Example Corp', pack: 'Example Corp' });
    expect(rules.find((r) => r.id === 'MGN-LIC6')?.severity).toBe('error');
  });

  test('explain tells an organisation rule, and why it cannot be acknowledged', () => {
    const result = runProcess(['explain', 'org-win2008', '--pack', pack]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ORG-WIN2008: The VM does not run Windows Server 2008 or 2008 R2\n/);
    expect(result.stdout).toContain('Pack:        Example Corp (an organisation rule pack)');
    expect(result.stdout).toContain('Severity:    error (hard: a failure cannot be acknowledged, the Example Corp rule pack makes it unacknowledgeable)');
    expect(result.stdout).not.toContain('To accept a finding');
    // AND without the pack, or with a typo, the id is unknown
    expect(runProcess(['explain', 'ORG-WIN2008']).status).toBe(2);
    expect(runProcess(['explain', 'ORG-WIN2009', '--pack', pack]).stderr).toBe('cdk-sms: ORG-WIN2009 is not a rule id: did you mean ORG-WIN2008?\n');
  });
});
