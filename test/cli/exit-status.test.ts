import { jsonOf, planFile, readyPlan, removeTempDirs, run } from './helpers';

afterAll(removeTempDirs);

/** `assess FILE --format json` with extra options: the exit status and the only VM's report. */
function assessOne(file: string, ...options: string[]) {
  const result = run(['assess', file, '--format', 'json', ...options]);
  expect(result.stderr).toBe('');
  const report = jsonOf(result);
  expect(report.vms).toHaveLength(1);
  const vm = report.vms[0];
  return { status: result.status, report, vm, open: vm.findings.filter((f) => f.severity !== 'info') };
}

describe('a plan whose VMs are all ready', () => {
  const file = planFile();

  test('exits 0, with the VM and its connector ready', () => {
    const { status, report, open } = assessOne(file);
    expect(status).toBe(0);
    expect(report.summary).toEqual({ vms: 1, ready: 1, readyWithConditions: 0, notReady: 0, unknown: 0 });
    expect(report.vms[0]).toMatchObject({ name: 'web-01', verdict: 'ready', license: 'byol' });
    expect(open).toEqual([]);
    expect(report.connectors).toEqual([{ name: 'dc1-connector', verdict: 'ready', findings: [] }]);
    expect(report.unusedAcknowledgements).toBeUndefined();
  });

  test('exits 0 under --strict and --unknown error too: nothing is left to fail', () => {
    expect(assessOne(file, '--strict').status).toBe(0);
    expect(assessOne(file, '--unknown', 'error').status).toBe(0);
    expect(assessOne(file, '--strict', '--unknown', 'error').status).toBe(0);
  });

  test('exits 0 as a table, with the VM in it', () => {
    const result = run(['assess', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^1 VM: 1 ready, 0 ready with conditions, 0 not ready, 0 unknown\n/);
    expect(result.stdout).toMatch(/^web-01 +wave-1 +ready +byol +0 +0 +0 +0$/m);
  });
});

describe('a VM with only an unacknowledged warning', () => {
  // GIVEN an IPv6 address on the NIC (SMS-NET2, a warning)
  const file = planFile((vm) => {
    vm.nics![0].ipv6 = ['2001:db8::12'];
  });

  test('exits 0 by default: warnings are allowed', () => {
    const { status, vm, open } = assessOne(file);
    expect(status).toBe(0);
    expect(vm.verdict).toBe('ready-with-conditions');
    expect(open).toEqual([{
      rule: 'SMS-NET2', severity: 'warning', outcome: 'fail', acknowledged: false,
      message: 'nic 1 has 2001:db8::12: IPv6 is not supported, a VM without IPv6 addresses passes',
    }]);
  });

  test('exits 1 with --strict', () => {
    const { status, vm } = assessOne(file, '--strict');
    expect(status).toBe(1);
    expect(vm.verdict).toBe('ready-with-conditions');
  });

  test('exits 1 with --strict as a table too', () => {
    const result = run(['assess', file, '--strict']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ {2}SMS-NET2 +warning {2}nic 1 has 2001:db8::12/m);
  });

  test('exits 0 once the warning is acknowledged, even with --strict', () => {
    const acknowledged = planFile((vm) => {
      vm.nics![0].ipv6 = ['2001:db8::12'];
      vm.acknowledge = [{ rule: 'SMS-NET2', reason: 'IPv6 is dropped on purpose' }];
    });
    const { status, open } = assessOne(acknowledged, '--strict');
    expect(status).toBe(0);
    expect(open[0]).toMatchObject({ rule: 'SMS-NET2', acknowledged: true, reason: 'IPv6 is dropped on purpose' });
  });
});

describe('a VM with an unknown (a missing fact)', () => {
  // GIVEN a plan that does not say whether a CD-ROM is connected (SMS-PREP2 cannot decide)
  const file = planFile((vm) => {
    delete vm.guest!.cdromConnected;
  });

  test('exits 0 by default, the VM unknown and the finding a warning', () => {
    const { status, report, vm, open } = assessOne(file);
    expect(status).toBe(0);
    expect(vm.verdict).toBe('unknown');
    expect(report.summary).toEqual({ vms: 1, ready: 0, readyWithConditions: 0, notReady: 0, unknown: 1 });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ rule: 'SMS-PREP2', severity: 'warning', outcome: 'unknown', acknowledged: false });
    expect(open[0].message).toContain('guest.cdromConnected');
  });

  test('exits 1 with --unknown error, the VM not-ready and the finding an error', () => {
    const { status, report, vm, open } = assessOne(file, '--unknown', 'error');
    expect(status).toBe(1);
    expect(vm.verdict).toBe('not-ready');
    expect(report.summary).toEqual({ vms: 1, ready: 0, readyWithConditions: 0, notReady: 1, unknown: 0 });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ rule: 'SMS-PREP2', severity: 'error', outcome: 'unknown' });
  });

  test('exits 1 with --strict, the verdict still unknown', () => {
    const { status, vm } = assessOne(file, '--strict');
    expect(status).toBe(1);
    expect(vm.verdict).toBe('unknown');
  });

  test('exits 0 with an explicit --unknown warn', () => {
    expect(assessOne(file, '--unknown', 'warn').status).toBe(0);
  });
});

describe('an acknowledged error', () => {
  // GIVEN encrypted AMIs (SMS-JOB2, an error that is not hard) with an acknowledgement
  const file = planFile((vm) => {
    vm.replication = { ...vm.replication, encrypted: true, kmsKeyId: 'alias/migration' };
    vm.acknowledge = [{ rule: 'SMS-JOB2', reason: 'security policy requires encrypted AMIs' }];
  });

  test('exits 0, the VM ready with conditions and the finding acknowledged with its reason', () => {
    const { status, vm, open } = assessOne(file);
    expect(status).toBe(0);
    expect(vm.verdict).toBe('ready-with-conditions');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      rule: 'SMS-JOB2', severity: 'error', outcome: 'fail', acknowledged: true, reason: 'security policy requires encrypted AMIs',
    });
    expect(open[0].note).toBeUndefined();
  });

  test('exits 0 with --strict too', () => {
    expect(assessOne(file, '--strict').status).toBe(0);
  });

  test('exits 1 without the acknowledgement', () => {
    const unacknowledged = planFile((vm) => {
      vm.replication = { ...vm.replication, encrypted: true, kmsKeyId: 'alias/migration' };
    });
    const { status, vm } = assessOne(unacknowledged);
    expect(status).toBe(1);
    expect(vm.verdict).toBe('not-ready');
  });

  test('exits 0 when a plan-wide acknowledgement covers it by name glob', () => {
    const planWide = planFile((vm, plan) => {
      vm.replication = { ...vm.replication, encrypted: true, kmsKeyId: 'alias/migration' };
      plan.acknowledge = [{ rule: 'SMS-JOB2', reason: 'encrypted by policy', vms: ['web-*'] }];
    });
    const { status, open } = assessOne(planWide);
    expect(status).toBe(0);
    expect(open[0]).toMatchObject({ rule: 'SMS-JOB2', acknowledged: true, reason: 'encrypted by policy' });
  });
});

describe('an acknowledgement of a hard rule', () => {
  // GIVEN RHEL 7.4 (SMS-OS2, hard: SMS itself rejects it) and an acknowledgement of it
  const file = planFile((vm) => {
    vm.os!.version = '7.4';
    vm.acknowledge = [{ rule: 'SMS-OS2', reason: 'it boots fine in our lab' }];
  });

  test('is refused: exit 1, the finding unacknowledged with the reason and a note', () => {
    const { status, vm, open } = assessOne(file);
    expect(status).toBe(1);
    expect(vm.verdict).toBe('not-ready');
    expect(open).toEqual([{
      rule: 'SMS-OS2', severity: 'error', outcome: 'fail',
      message: 'RHEL 7.4 is not supported (supported: 5.1-5.11, 6.1-6.9, 7.0-7.3)',
      acknowledged: false,
      reason: 'it boots fine in our lab',
      note: 'SMS-OS2 is a hard rule: SMS itself rejects this, so its failure cannot be acknowledged',
    }]);
    expect(Object.keys(open[0])).toEqual(['rule', 'severity', 'outcome', 'message', 'acknowledged', 'reason', 'note']);
  });

  test('the table shows the finding as an error, with the note and the reason, worded as in every format', () => {
    const result = run(['assess', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain([
      'VM web-01: not-ready',
      '  SMS-OS2    error  RHEL 7.4 is not supported (supported: 5.1-5.11, 6.1-6.9, 7.0-7.3)',
      '             acknowledgement refused: SMS-OS2 is a hard rule: SMS itself rejects this, so its failure cannot be acknowledged; '
        + 'reason given: it boots fine in our lab',
    ].join('\n'));
  });
});

describe('an acknowledgement that matches nothing', () => {
  // GIVEN an acknowledgement of a second NIC on a VM with one
  const file = planFile((vm) => {
    vm.acknowledge = [{ rule: 'SMS-NET1', reason: 'second NIC dropped' }];
  });

  test('appears in the JSON as unusedAcknowledgements, after connectors, and changes no verdict', () => {
    const { status, report, vm } = assessOne(file);
    expect(status).toBe(0);
    expect(vm.verdict).toBe('ready');
    expect(Object.keys(report)).toEqual(['summary', 'vms', 'connectors', 'unusedAcknowledgements']);
    expect(report.unusedAcknowledgements).toEqual([{ rule: 'SMS-NET1', reason: 'second NIC dropped', scope: 'vm', vm: 'web-01' }]);
  });

  test('appears in the table', () => {
    const result = run(['assess', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Unused acknowledgements (they match no finding)\n  SMS-NET1   on VM web-01: second NIC dropped\n');
  });

  test('a plan-wide one appears with its globs', () => {
    const planWide = planFile((_vm, plan) => {
      plan.acknowledge = [{ rule: 'SMS-JOB4', reason: 'quota raised', vms: ['db-*'] }];
    });
    const { report } = assessOne(planWide);
    expect(report.unusedAcknowledgements).toEqual([{ rule: 'SMS-JOB4', reason: 'quota raised', scope: 'plan', vms: ['db-*'] }]);
    expect(run(['assess', planWide]).stdout).toContain('  SMS-JOB4   plan-wide for db-*: quota raised\n');
  });
});

describe('a connector that is not ready', () => {
  test('exits 1 though every VM is ready', () => {
    // GIVEN a connector with less than the minimum memory (SMS-CON3)
    const file = planFile((_vm, plan) => {
      plan.connectors![0].memoryGiB = 4;
    });
    // WHEN
    const { status, report } = assessOne(file);
    // THEN
    expect(status).toBe(1);
    expect(report.summary.notReady).toBe(0);
    expect(report.connectors[0]).toMatchObject({ name: 'dc1-connector', verdict: 'not-ready' });
    expect(report.connectors[0].findings.map((f) => [f.rule, f.severity])).toEqual([['SMS-CON3', 'error']]);
  });
});

describe('the ready fixture', () => {
  test('gives every fact the rules need (no unknown anywhere, even under --unknown error)', () => {
    // the cases above change one fact each, so the base must be ready on its own
    expect(readyPlan().vms).toHaveLength(1);
    const { status, open } = assessOne(planFile(), '--unknown', 'error', '--strict');
    expect(status).toBe(0);
    expect(open).toEqual([]);
  });
});
