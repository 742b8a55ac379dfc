import { parsePlan } from '../../lib/plan';
import { issuesOf, planJson, VM } from './helpers';

/** Each issue of a text as `LINE:COLUMN PATH: MESSAGE`. */
function lines(text: string, file = 'plan.json'): string[] {
  return issuesOf(text, file).map((i) => `${i.line}:${i.column} ${i.path === '' ? '' : `${i.path}: `}${i.message}`);
}

describe('unknown fields', () => {
  test('fails on a misspelt field, suggesting the right one, and says it once', () => {
    // GIVEN "version" misspelt, so it is also missing
    const text = '{\n  "verison": 1,\n  "vms": [{"name": "a", "hypervisor": "vmware"}]\n}';
    // WHEN / THEN
    expect(lines(text)).toEqual(['2:3 verison: unknown field "verison" (did you mean "version"?)']);
  });

  test('fails on a field in the wrong place, saying where it belongs', () => {
    const text = planJson([{ ...VM, kmsKeyId: 'alias/migration' }]);
    expect(issuesOf(text, 'plan.json')[0]).toMatchObject({
      path: 'vms[0].kmsKeyId',
      message: 'unknown field "kmsKeyId" (did you mean "replication.kmsKeyId"?)',
    });
  });

  test('fails on a field unlike any other, listing the allowed ones', () => {
    const text = planJson([{ ...VM, disks: [{ sizeGiB: 1, color: 'red' }] }]);
    expect(issuesOf(text, 'plan.json')[0].message)
      .toBe('unknown field "color" (allowed: name, sizeGiB, format, mode, datastore, partitionStyle, boot, volumes, deviceName, mgn)');
  });

  test('fails on a field whose case is wrong', () => {
    const text = 'version: 1\nvms:\n  - name: a\n    Hypervisor: vmware\n';
    expect(lines(text, 'plan.yaml')).toEqual(['4:5 vms[0].Hypervisor: unknown field "Hypervisor" (did you mean "hypervisor"?)']);
  });
});

describe('wrong values', () => {
  test('fails on an empty or blank wave name, with the file, the line, the field path and what is expected', () => {
    // GIVEN a VM whose wave is empty, in JSON, and one whose wave is blank, in YAML
    const json = '{\n  "version": 1,\n  "vms": [\n    {"name": "a", "hypervisor": "vmware", "wave": ""}\n  ]\n}';
    const yaml = 'version: 1\nvms:\n  - name: a\n    hypervisor: vmware\n    wave: "  "\n';
    const expected = (got: string): string => `vms[0].wave: must name a wave, not be empty or only whitespace (got ${got}): `
      + 'leave "wave" out for a VM not scheduled yet';
    // WHEN / THEN
    expect(lines(json)).toEqual([`4:51 ${expected('""')}`]);
    expect(lines(yaml, 'plan.yaml')).toEqual([`5:11 ${expected('"  "')}`]);
    expect(() => parsePlan(json, 'plans/dc1.json')).toThrow(`plans/dc1.json:4:51: ${expected('""')}`);
  });

  test('fails on a value outside the vocabulary, listing it', () => {
    const text = 'version: 1\nvms:\n  - name: a\n    hypervisor: vmware\n    os:\n      family: linx\n';
    expect(lines(text, 'plan.yaml')).toEqual(['6:15 vms[0].os.family: must be one of windows, linux, other (got "linx")']);
  });

  test('fails on a value of the wrong type, once (not also as outside the vocabulary)', () => {
    const text = planJson([{ ...VM, disks: [{ sizeGiB: '60', format: 5 }] }]);
    expect(issuesOf(text, 'plan.json').map((i) => `${i.path}: ${i.message}`)).toEqual([
      'vms[0].disks[0].sizeGiB: expected a number, got string "60"',
      'vms[0].disks[0].format: expected a string, got number 5 (quote it: "5")',
    ]);
  });

  test('fails on a YAML version written as a number, showing it as written', () => {
    // GIVEN 7.10, which YAML reads as the number 7.1
    const text = 'version: 1\nvms:\n  - name: a\n    hypervisor: vmware\n    os: {family: linux, version: 7.10}\n';
    expect(lines(text, 'plan.yaml')).toEqual(['5:34 vms[0].os.version: expected a string, got number 7.1 (quote it: "7.10")']);
  });

  test('fails on an empty YAML value where an object belongs', () => {
    const text = 'version: 1\nvms:\n  - name: a\n    hypervisor: vmware\n    os:\n';
    expect(lines(text, 'plan.yaml')).toEqual(['5:8 vms[0].os: expected an object, got an empty value (null)']);
  });

  test('fails on YAML values that are not finite numbers', () => {
    const text = 'version: 1\nvms:\n  - name: a\n    hypervisor: vmware\n    disks: [{sizeGiB: .inf}]\n';
    expect(lines(text, 'plan.yaml')).toEqual(['5:23 vms[0].disks[0].sizeGiB: expected a number, got .inf (not a finite number)']);
  });

  test('fails on a wrong format version', () => {
    expect(lines('{"version": 2, "vms": [{"name": "a", "hypervisor": "hyperv"}]}')).toEqual(['1:13 version: must be 1 (got 2)']);
    expect(lines('{"version": "1", "vms": [{"name": "a", "hypervisor": "hyperv"}]}')).toEqual(['1:13 version: must be 1 (got "1")']);
  });

  test('fails on seed times that are not ISO 8601 date-times with a time zone', () => {
    for (const seedTime of ['2026-12-01', '2026-12-01T02:00:00', '2026-02-30T02:00:00Z', '2026-12-01 02:00:00Z', 'tomorrow', '2026-12-01T24:00:00Z']) {
      const issues = issuesOf(planJson([{ ...VM, replication: { seedTime } }]), 'plan.json');
      expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
        `vms[0].replication.seedTime: must be an ISO 8601 date-time with a time zone, such as 2026-12-01T02:00:00Z (got "${seedTime}")`,
      ]);
    }
  });

  test('accepts seed times with offsets and fractions of a second, in the library\'s one ISO 8601 grammar', () => {
    // GIVEN seed times the rules and the construct read too: without seconds, with a basic offset, a comma fraction
    const spellings = ['2026-12-01T02:00Z', '2026-12-01T02:00:00+0100', '2026-12-01T02:00:00,5-02', '2026-12-01T02:00:00.000z'];
    for (const seedTime of ['2026-12-01T02:00:00Z', '2026-12-01t02:00:00.250+01:00', '2028-02-29T23:59:59-08:00', ...spellings]) {
      expect(parsePlan(planJson([{ ...VM, replication: { seedTime } }]), 'plan.json').plan.vms[0].replication?.seedTime).toBe(seedTime);
    }
  });

  test('fails on ports that are not whole numbers from 1 to 65535, and on negative sizes and counts', () => {
    const connector = { name: 'c', hypervisor: 'vmware', vcenterPort: 0, memoryGiB: -1,
      egress: [{ protocol: 'tcp', port: 65536, destination: 'vcenter' }, { protocol: 'tcp', port: 44.3, destination: 'dns' }] };
    const vm = { ...VM, connector: 'c', replication: { amisToKeep: -1 } };
    expect(issuesOf(planJson([vm], { connectors: [connector] }), 'plan.json').map((i) => `${i.path}: ${i.message}`)).toEqual([
      'connectors[0].vcenterPort: must be between 1 and 65535 (got 0)',
      'connectors[0].memoryGiB: must be at least 0 (got -1)',
      'connectors[0].egress[0].port: must be between 1 and 65535 (got 65536)',
      'connectors[0].egress[1].port: expected an integer, got number 44.3',
      'vms[0].replication.amisToKeep: must be at least 0 (got -1)',
    ]);
  });

  test('fails on acknowledgements without a rule id of the right shape or a real reason', () => {
    const vm = { ...VM, acknowledge: [{ rule: 'sms-net1', reason: '   ' }, { rule: 'SMS-NET1', reason: '' }, { rule: 'SMS-NET1' }] };
    expect(issuesOf(planJson([vm]), 'plan.json').map((i) => `${i.path}: ${i.message}`)).toEqual([
      'vms[0].acknowledge[0].rule: must be a rule id such as SMS-OS1 or MGN-OS3 (got "sms-net1")',
      'vms[0].acknowledge[0].reason: must not be empty or only whitespace',
      'vms[0].acknowledge[1].reason: must not be empty or only whitespace',
      'vms[0].acknowledge[2].reason: missing required field "reason"',
    ]);
  });

  test('fails on a plan that is not an object, or lists no VMs, or VMs without names', () => {
    expect(lines('[]')).toEqual(['1:1 expected an object, got an array']);
    expect(lines('{"version": 1, "vms": []}')).toEqual(['1:23 vms: must list at least one entry (got an empty list)']);
    expect(lines('{"version": 1}')).toEqual(['1:1 vms: missing required field "vms"']);
    expect(lines('{"version": 1, "vms": [{"name": "", "hypervisor": "vmware"}, {}]}')).toEqual([
      '1:33 vms[0].name: must not be empty',
      '1:62 vms[1].name: missing required field "name"',
      '1:62 vms[1].hypervisor: missing required field "hypervisor"',
    ]);
  });

  test('fails on a firewall rule without protocol or endpoint, or with an unknown endpoint', () => {
    const connector = { name: 'c', hypervisor: 'hyperv', egress: [{ port: 443 }], ingress: [{ protocol: 'tcp', source: 'internet' }] };
    expect(issuesOf(planJson([VM], { connectors: [connector] }), 'plan.json').map((i) => `${i.path}: ${i.message}`)).toEqual([
      'connectors[0].egress[0].protocol: missing required field "protocol"',
      'connectors[0].egress[0].destination: missing required field "destination"',
      'connectors[0].ingress[0].source: must be one of dns, ntp, vcenter, esxi, scvmm, hyperv-host, *.amazonaws.com, *.aws.amazon.com, '
        + '*.ntp.org, mgn, s3, ec2, staging, sources, any (got "internet")',
    ]);
  });

  test('fails on an fstab entry without a device', () => {
    const vm = { ...VM, guest: { fstab: [{ mount: '/data' }] } };
    expect(issuesOf(planJson([vm]), 'plan.json').map((i) => `${i.path}: ${i.message}`))
      .toEqual(['vms[0].guest.fstab[0].device: missing required field "device"']);
  });
});

describe('several errors', () => {
  test('reports every problem of the file at once, in file order, each with its position', () => {
    // GIVEN a YAML plan with five different mistakes
    const text = [
      'version: 1',                     // 1
      'vms:',                           // 2
      '  - name: web-01',               // 3
      '    hypervisor: vmware',         // 4
      '    os:',                        // 5
      '      family: linx',             // 6
      '      servicePack: "1"',         // 7
      '    disks:',                     // 8
      '      - sizeGiB: -5',            // 9
      '        formatt: vmdk',          // 10
      '  - name: db-01',                // 11
      '    replication:',               // 12
      '      frequencyHours: 25',       // 13
      '      licenseType: free',        // 14
    ].join('\n');
    // WHEN
    const issues = issuesOf(text, 'wave1.yaml');
    // THEN
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.path}: ${i.message}`)).toEqual([
      'wave1.yaml:6:15: vms[0].os.family: must be one of windows, linux, other (got "linx")',
      'wave1.yaml:7:20: vms[0].os.servicePack: expected an integer, got string "1"',
      'wave1.yaml:9:18: vms[0].disks[0].sizeGiB: must be at least 0 (got -5)',
      'wave1.yaml:10:9: vms[0].disks[0].formatt: unknown field "formatt" (did you mean "format"?)',
      'wave1.yaml:11:5: vms[1].hypervisor: missing required field "hypervisor"',
      'wave1.yaml:14:20: vms[1].replication.licenseType: must be one of auto, aws, byol (got "free")',
    ]);
  });
});
