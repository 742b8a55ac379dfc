import { parsePlan } from '../../lib/plan';
import { issuesOf, planJson, VM } from './helpers';

const RULE_IDS: ReadonlySet<string> = new Set(['SMS-OS1', 'SMS-NET1', 'SMS-JOB4', 'SMS-CON6']);

function said(text: string, file = 'plan.json', ruleIds?: ReadonlySet<string>): string[] {
  return issuesOf(text, file, { ruleIds }).map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
}

describe('names', () => {
  test('fails when two VMs have the same name, naming both positions', () => {
    // GIVEN web-01 twice
    const text = 'version: 1\nvms:\n  - name: web-01\n    hypervisor: vmware\n  - name: db-01\n    hypervisor: vmware\n'
      + '  - name: web-01\n    hypervisor: hyperv\n';
    // WHEN / THEN
    expect(said(text, 'plan.yaml')).toEqual(['7:5 vms[2].name: duplicate VM name "web-01" (also at vms[0].name, line 3)']);
  });

  test('fails when two connectors have the same name', () => {
    const connectors = [{ name: 'dc1', hypervisor: 'vmware' }, { name: 'dc1', hypervisor: 'hyperv' }];
    expect(issuesOf(planJson([VM], { connectors }), 'plan.json').map((i) => `${i.path}: ${i.message}`))
      .toEqual(['connectors[1].name: duplicate connector name "dc1" (also at connectors[0].name, line 5)']);
  });

  test('fails when two waves have the same name, and on a wave day that is not a day', () => {
    const waves = [{ name: 'w1', cutoverDate: '2027-02-13' }, { name: 'w1', replicationStart: '2027-13-01' }];
    expect(issuesOf(planJson([VM], { target: 'mgn', waves }), 'plan.json').map((i) => `${i.path}: ${i.message}`)).toEqual([
      'waves[1].name: duplicate wave name "w1" (also at waves[0].name, line 6)',
      'waves[1].replicationStart: must be a day written YYYY-MM-DD, such as 2027-02-13 (got "2027-13-01")',
    ]);
  });
});

describe('connectors', () => {
  test('fails when a VM names a connector the plan does not declare, listing those it does', () => {
    const connectors = [{ name: 'dc1-connector', hypervisor: 'vmware' }, { name: 'dc2-connector', hypervisor: 'vmware' }];
    const vms = [{ ...VM, connector: 'dc1-conector' }, { ...VM, name: 'web-02', connector: 'dc9' }];
    expect(issuesOf(planJson(vms, { connectors }), 'plan.json').map((i) => `${i.path}: ${i.message}`)).toEqual([
      'vms[0].connector: connector "dc1-conector" is not declared (did you mean "dc1-connector"? declared: dc1-connector, dc2-connector)',
      'vms[1].connector: connector "dc9" is not declared (declared: dc1-connector, dc2-connector)',
    ]);
  });

  test('fails when a VM names a connector and the plan declares none', () => {
    expect(issuesOf(planJson([{ ...VM, connector: 'dc1' }]), 'plan.json')[0].message)
      .toBe('connector "dc1" is not declared (the plan declares no connectors)');
  });

  test('passes VMs that name declared connectors or none', () => {
    const connectors = [{ name: 'dc1', hypervisor: 'vmware' }];
    const plan = parsePlan(planJson([{ ...VM, connector: 'dc1' }, { ...VM, name: 'web-02' }], { connectors }), 'plan.json').plan;
    expect(plan.vms).toHaveLength(2);
  });
});

describe('rule ids', () => {
  test('fails when an acknowledgement names a rule id that does not exist, if the rule ids are given', () => {
    // GIVEN a plan-wide and a VM acknowledgement of rules that do not exist
    const text = planJson([{ ...VM, acknowledge: [{ rule: 'SMS-NTE1', reason: 'typo' }] }], {
      acknowledge: [{ rule: 'SMS-JOB40', reason: 'quota raised', vms: ['*'] }],
    });
    // WHEN
    const issues = issuesOf(text, 'plan.json', { ruleIds: RULE_IDS });
    // THEN
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'acknowledge[0].rule: "SMS-JOB40" is not a rule id (did you mean "SMS-JOB4"?)',
      'vms[0].acknowledge[0].rule: "SMS-NTE1" is not a rule id (did you mean "SMS-NET1"?)',
    ]);
  });

  test('gives no suggestion when several rule ids are as close', () => {
    const text = planJson([{ ...VM, acknowledge: [{ rule: 'SMS-JOB9', reason: 'r' }] }]);
    const ids = new Set(['SMS-JOB1', 'SMS-JOB2']);
    expect(issuesOf(text, 'plan.json', { ruleIds: ids })[0].message).toBe('"SMS-JOB9" is not a rule id');
  });

  test('checks only the shape of rule ids when none are given', () => {
    const text = planJson([{ ...VM, acknowledge: [{ rule: 'SMS-XYZ99', reason: 'r' }] }]);
    expect(parsePlan(text, 'plan.json').plan.vms[0].acknowledge?.[0].rule).toBe('SMS-XYZ99');
  });
});

describe('together with schema issues', () => {
  test('reports duplicates, undeclared connectors, unknown rule ids and schema issues at once, in file order', () => {
    const text = [
      '{',
      '  "version": 1,',
      '  "vms": [',
      '    { "name": "a", "hypervisor": "vmware", "connector": "dc1" },',
      '    { "name": "a", "hypervisor": "vmwear",',
      '      "acknowledge": [ { "rule": "SMS-OS9", "reason": "x" } ] }',
      '  ]',
      '}',
    ].join('\n');
    expect(said(text, 'plan.json', RULE_IDS)).toEqual([
      '4:44 vms[0].connector: connector "dc1" is not declared (the plan declares no connectors)',
      '5:7 vms[1].name: duplicate VM name "a" (also at vms[0].name, line 4)',
      '5:34 vms[1].hypervisor: must be one of vmware, hyperv (got "vmwear")',
      '6:26 vms[1].acknowledge[0].rule: "SMS-OS9" is not a rule id (did you mean "SMS-OS1"?)',
    ]);
  });

  test('skips the connector check when connectors is not a list (the schema says so already)', () => {
    const text = planJson([{ ...VM, connector: 'dc1' }], { connectors: { name: 'dc1' } });
    expect(issuesOf(text, 'plan.json').map((i) => `${i.path}: ${i.message}`)).toEqual(['connectors: expected an array, got an object']);
  });
});
