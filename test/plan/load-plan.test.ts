import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { FirewallEndpoint, Hypervisor, OsFamily, Plan, PlanTarget } from '../../lib/plan/model/plan';
import { detectPlanFormat, loadPlanFile, parsePlan, PlanFormat } from '../../lib/plan';
import { generatePlan } from './generate-plan';
import { errorOf, FIXTURES, issuesOf, planJson, removeTempDirs, tempDir, VM } from './helpers';

afterAll(removeTempDirs);

describe('loading a valid plan', () => {
  test('loads the INVENTORY.md example (JSON, comments removed)', () => {
    // GIVEN the example of the plan format, every field filled in
    const file = path.join(FIXTURES, 'inventory-example.json');
    // WHEN
    const loaded = loadPlanFile(file);
    // THEN
    expect(loaded.file).toBe(file);
    expect(loaded.plan.version).toBe(1);
    expect(loaded.plan.vms[0].replication?.kmsKeyId).toBe('alias/migration');
    expect(loaded.plan.vms[0].os?.family).toBe(OsFamily.LINUX);
    expect(loaded.plan.connectors?.[0].egress?.[1].destination).toBe(FirewallEndpoint.ANY);
    expect(loaded.plan.connectors?.[0].hypervisor).toBe(Hypervisor.VMWARE);
  });

  test('loads JSON and YAML spellings of a plan to equal objects', () => {
    // GIVEN the same plan as JSON and as YAML
    const json = loadPlanFile(path.join(FIXTURES, 'inventory-example.json'));
    // WHEN
    const yaml = loadPlanFile(path.join(FIXTURES, 'inventory-example.yaml'));
    // THEN
    expect(yaml.plan).toEqual(json.plan);
    expect(json.plan).toEqual(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'inventory-example.json'), 'utf8')));
  });

  test('loads a YAML plan that uses anchors, aliases and merge keys', () => {
    // GIVEN VMs sharing an OS block through an anchor and a merge key
    const text = [
      'version: 1',
      'vms:',
      '  - name: web-01',
      '    hypervisor: vmware',
      '    os: &rhel {family: linux, name: rhel, version: "7.3"}',
      '  - name: web-02',
      '    hypervisor: vmware',
      '    os: *rhel',
      '  - name: web-03',
      '    hypervisor: vmware',
      '    os:',
      '      <<: *rhel',
      '      version: "7.2"',
    ].join('\n');
    // WHEN
    const plan = parsePlan(text, 'plan.yaml').plan;
    // THEN
    expect(plan.vms[1].os).toEqual({ family: 'linux', name: 'rhel', version: '7.3' });
    expect(plan.vms[2].os).toEqual({ family: 'linux', name: 'rhel', version: '7.2' });
  });

  test('accepts the bounds that rules judge, not the schema: frequencyHours 25 and 1.5, amisToKeep 500', () => {
    // GIVEN replication settings outside what SMS accepts
    const vms = [
      { ...VM, replication: { frequencyHours: 25, amisToKeep: 500 } },
      { ...VM, name: 'web-02', replication: { frequencyHours: 1.5, seedTime: '2020-01-01T00:00:00+05:30' } },
    ];
    // WHEN
    const plan = parsePlan(planJson(vms), 'plan.json').plan;
    // THEN
    expect(plan.vms[0].replication?.frequencyHours).toBe(25);
    expect(plan.vms[0].replication?.amisToKeep).toBe(500);
    expect(plan.vms[1].replication?.frequencyHours).toBe(1.5);
  });

  test('accepts fractional sizes, the volume system flag, a $schema field and a byte order mark', () => {
    // GIVEN
    const vm = { ...VM, disks: [{ sizeGiB: 59.5, volumes: [{ mount: 'D:', sizeGiB: 10.25, freeGiB: 0, system: true }] }] };
    const text = `\uFEFF${planJson([vm], { $schema: './node_modules/cdk-sms-migration/schema/plan.schema.json' })}`;
    // WHEN
    const plan = parsePlan(text, 'plan.json').plan;
    // THEN
    expect(plan.vms[0].disks?.[0].volumes?.[0].system).toBe(true);
  });

  test('loads a 5,000-VM JSON plan and locates its last VM', () => {
    // GIVEN a large plan
    const text = JSON.stringify(generatePlan(5000), null, 2);
    // WHEN
    const loaded = parsePlan(text, 'big.json');
    // THEN
    expect(loaded.plan.vms).toHaveLength(5000);
    const last = loaded.locate(['vms', 4999, 'name']);
    expect(text.split('\n')[last!.line - 1]).toBe('      "name": "app-04999",');
  });

  test('loads a generated plan as JSON and as YAML to equal objects', () => {
    const data = generatePlan(200);
    expect(parsePlan(stringify(data), 'big.yaml').plan).toEqual(parsePlan(JSON.stringify(data), 'big.json').plan);
  });

  test('returns the plan unchanged when ruleIds are given and every acknowledgement names one', () => {
    const text = planJson([{ ...VM, acknowledge: [{ rule: 'SMS-NET1', reason: 'backup NIC' }] }]);
    const plan: Plan = parsePlan(text, 'plan.json', { ruleIds: new Set(['SMS-NET1']) }).plan;
    expect(plan.vms[0].acknowledge?.[0].rule).toBe('SMS-NET1');
  });
});

describe('choosing the format', () => {
  test('goes by the extension, then by the first non-blank character', () => {
    expect(detectPlanFormat('plan.json', 'version: 1')).toBe(PlanFormat.JSON);
    expect(detectPlanFormat('plan.YAML', '{}')).toBe(PlanFormat.YAML);
    expect(detectPlanFormat('plan.yml', '{}')).toBe(PlanFormat.YAML);
    expect(detectPlanFormat('plan', '\n  {"version": 1}')).toBe(PlanFormat.JSON);
    expect(detectPlanFormat('plan.txt', 'version: 1')).toBe(PlanFormat.YAML);
  });

  test('reads a JSON file without an extension as JSON, so JSON rules apply', () => {
    // GIVEN JSON with a trailing comma, which YAML would accept
    const issues = issuesOf('{"version": 1, "vms": [],}', 'plan');
    // THEN
    expect(issues[0].message).toMatch(/^invalid JSON: trailing comma/);
  });

  test('reads a YAML file named .json as JSON when told the format', () => {
    const loaded = parsePlan('version: 1\nvms: [{name: a, hypervisor: hyperv}]\n', 'plan.json', { format: PlanFormat.YAML });
    expect(loaded.plan.vms[0].hypervisor).toBe(Hypervisor.HYPERV);
  });
});

describe('locate', () => {
  const text = [
    '{',
    '  "version": 1,',
    '  "vms": [',
    '    {',
    '      "name": "web-01", "hypervisor": "vmware",',
    '      "os": { "family": "linux" }',
    '    }',
    '  ]',
    '}',
  ].join('\n');
  const yamlText = [
    'version: 1',
    'vms:',
    '  - name: web-01',
    '    hypervisor: vmware',
    '    os:',
    '      family: linux',
  ].join('\n');

  test('points at a field\'s key, an array item\'s start, or the deepest part of a path that exists', () => {
    // GIVEN
    const json = parsePlan(text, 'plan.json');
    const yaml = parsePlan(yamlText, 'plan.yaml');
    // THEN
    expect(json.locate(['vms', 0, 'os', 'family'])).toEqual({ line: 6, column: 15 });
    expect(json.locate(['vms', 0])).toEqual({ line: 4, column: 5 });
    expect(json.locate(['vms', 0, 'hypervisor'])).toEqual({ line: 5, column: 25 });
    expect(json.locate(['vms', 0, 'os', 'version'])).toEqual({ line: 6, column: 7 });
    expect(json.locate([])).toEqual({ line: 1, column: 1 });
    expect(yaml.locate(['vms', 0, 'os', 'family'])).toEqual({ line: 6, column: 7 });
    expect(yaml.locate(['vms', 0])).toEqual({ line: 3, column: 5 });
    expect(yaml.locate(['vms', 0, 'disks', 0, 'sizeGiB'])).toEqual({ line: 3, column: 5 });
  });

  test('loads a plan file from disk with positions', () => {
    // GIVEN a plan file in a temporary folder
    const file = path.join(tempDir(), 'plan.yml');
    fs.writeFileSync(file, yamlText);
    // WHEN
    const loaded = loadPlanFile(file);
    // THEN
    expect(loaded.file).toBe(file);
    expect(loaded.locate(['vms', 0, 'hypervisor'])).toEqual({ line: 4, column: 5 });
  });
});

describe('the error', () => {
  test('lists every issue in its message, one per line, as FILE:LINE:COLUMN: PATH: MESSAGE', () => {
    // GIVEN a plan with two mistakes
    const text = 'version: 1\nvms:\n  - name: web-01\n    hypervisor: vmwar\n    firmware: efi\n';
    // WHEN
    const error = errorOf(() => parsePlan(text, 'plans/dc1.yaml'));
    // THEN
    expect(error.name).toBe('PlanFileError');
    expect(error.file).toBe('plans/dc1.yaml');
    expect(error.message).toBe([
      'plans/dc1.yaml:4:17: vms[0].hypervisor: must be one of vmware, hyperv (got "vmwar")',
      'plans/dc1.yaml:5:15: vms[0].firmware: must be one of bios, uefi (got "efi")',
    ].join('\n'));
  });
});

describe('the plan target', () => {
  test('accepts target mgn', () => {
    expect(parsePlan('{"version":1,"target":"mgn","vms":[{"name":"a","hypervisor":"vmware"}]}', 'p.json').plan.target).toBe(PlanTarget.MGN);
  });

  test('accepts target sms, and a plan without a target', () => {
    // GIVEN a plan naming its target and one leaving it out
    const vm = '{"name":"a","hypervisor":"vmware"}';
    // WHEN both are parsed
    const named = parsePlan(`{"version":1,"target":"sms","vms":[${vm}]}`, 'p.json');
    const unnamed = parsePlan(`{"version":1,"vms":[${vm}]}`, 'p.json');
    // THEN the target is kept as written, and absent when left out
    expect(named.plan.target).toBe(PlanTarget.SMS);
    expect(unnamed.plan.target).toBeUndefined();
  });

  test('fails when the target is not one the library judges, naming the line and the targets', () => {
    expect(() => parsePlan('{"version":1,"target":"drs","vms":[{"name":"a","hypervisor":"vmware"}]}', 'p.json'))
      .toThrow('p.json:1:23: target: must be one of sms, mgn (got "drs")');
  });
});
