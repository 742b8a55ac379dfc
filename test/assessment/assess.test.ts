import { assessConnector, assessPlan, assessVm } from '../../lib/rules';
import { AcknowledgementScope, FindingOutcome, PlanAssessment, UnknownPolicy, Verdict, VmAssessment } from '../../lib/assessment/types';
import { Plan, Vm } from '../../lib/plan/model/plan';
import { Severity } from '../../lib/assessment/rule';
import { planOf, readyHypervWindowsVm, readyLinuxVm, readyWindowsVm, vmwareConnector } from '../helpers/fixtures';

const NOW = new Date('2026-11-25T00:00:00Z');
const assess = (plan: object, options: object = {}): PlanAssessment => assessPlan(plan as Plan, { now: NOW, ...options });
const vmNamed = (a: PlanAssessment, name: string): VmAssessment => a.vms.find((v) => v.name === name)!;
const rulesOf = (v: { findings: readonly { rule: string; severity: Severity }[] }, withInfo = false): string[] =>
  v.findings.filter((f) => withInfo || f.severity !== Severity.INFO).map((f) => f.rule);

describe('assessPlan', () => {
  test('finds nothing above info on the ready fixtures', () => {
    // GIVEN the fully described VMs every other test varies
    const a = assess(planOf([readyLinuxVm(), readyWindowsVm(), readyHypervWindowsVm()]));
    // THEN each is ready, with its resolved license
    expect(a.vms.map((v) => [v.name, v.verdict, v.license, rulesOf(v)])).toEqual([
      ['lnx-01', Verdict.READY, 'byol', []],
      ['win-01', Verdict.READY, 'aws', []],
      ['hv-01', Verdict.READY, 'aws', []],
    ]);
    expect(a.connectors.map((c) => [c.name, c.verdict, c.findings])).toEqual([
      ['dc1-connector', Verdict.READY, []],
      ['hv-connector', Verdict.READY, []],
    ]);
    expect(a.summary).toEqual({ vms: 3, ready: 3, readyWithConditions: 0, notReady: 0, unknown: 0 });
  });

  test('keeps info findings without changing the verdict', () => {
    const v = vmNamed(assess(planOf([readyLinuxVm()])), 'lnx-01');
    expect(rulesOf(v, true)).toEqual(expect.arrayContaining(['SMS-NET3', 'SMS-NET4', 'SMS-JOB5']));
    expect(v.verdict).toBe(Verdict.READY);
  });

  test('makes a VM with an unacknowledged error not-ready', () => {
    const vm = readyLinuxVm();
    vm.os.version = '7.4';
    const v = vmNamed(assess(planOf([vm])), 'lnx-01');
    expect(v.verdict).toBe(Verdict.NOT_READY);
    expect(v.findings.filter((f) => f.severity === Severity.ERROR)).toEqual([{
      rule: 'SMS-OS2', severity: Severity.ERROR, outcome: FindingOutcome.FAIL, acknowledged: false,
      message: 'RHEL 7.4 is not supported (supported: 5.1-5.11, 6.1-6.9, 7.0-7.3)',
    }]);
  });

  test('makes the OS detail rules n/a once SMS-OS1 fails', () => {
    // GIVEN Windows Server 2019 with a 32-bit architecture and a Nano installation, which OS3/OS6 would judge
    const vm = readyWindowsVm();
    Object.assign(vm.os, { version: '2019', architecture: 'x86', installation: 'nano', edition: 'home' });
    const v = vmNamed(assess(planOf([vm])), 'win-01');
    // THEN only SMS-OS1 speaks for the OS
    expect(rulesOf(v).filter((id) => id.startsWith('SMS-OS'))).toEqual(['SMS-OS1']);
  });

  test('makes SMS-OS8 n/a once SMS-OS2 fails', () => {
    const vm = readyLinuxVm();
    Object.assign(vm.os, { name: 'sles', version: '11 SP5', kernel: '1.0' });
    vm.replication = { attestations: ['suse-byos'] };
    const v = vmNamed(assess(planOf([vm])), 'lnx-01');
    expect(rulesOf(v).filter((id) => id.startsWith('SMS-OS'))).toEqual(['SMS-OS2']);
  });

  describe('unknowns', () => {
    const withoutAntivirusFact = (): object => {
      const vm = readyLinuxVm();
      delete vm.guest.antivirusEnabled;
      return planOf([vm]);
    };

    test('are warnings by default and make the verdict unknown', () => {
      const v = vmNamed(assess(withoutAntivirusFact()), 'lnx-01');
      expect(v.verdict).toBe(Verdict.UNKNOWN);
      expect(v.findings.find((f) => f.rule === 'SMS-PREP1')).toMatchObject({ outcome: 'unknown', severity: Severity.WARNING });
    });

    test('are errors under the error policy and make the VM not-ready', () => {
      const v = vmNamed(assess(withoutAntivirusFact(), { unknown: UnknownPolicy.ERROR }), 'lnx-01');
      expect(v.verdict).toBe(Verdict.NOT_READY);
      expect(v.findings.find((f) => f.rule === 'SMS-PREP1')).toMatchObject({ outcome: 'unknown', severity: Severity.ERROR });
    });

    test('rank below an error', () => {
      const vm = readyLinuxVm();
      delete vm.guest.antivirusEnabled;
      vm.os.version = '7.4';
      expect(vmNamed(assess(planOf([vm])), 'lnx-01').verdict).toBe(Verdict.NOT_READY);
    });
  });

  test('makes a VM with a warning ready-with-conditions', () => {
    const vm = readyLinuxVm();
    vm.nics[0].ipv6 = ['2001:db8::1'];
    const v = vmNamed(assess(planOf([vm])), 'lnx-01');
    expect(v.verdict).toBe(Verdict.READY_WITH_CONDITIONS);
    expect(rulesOf(v)).toEqual(['SMS-NET2']);
  });

  test('reports a rule\'s warning band at warning severity', () => {
    const plan = planOf([readyLinuxVm()]);
    plan.connectors[0].vcenterVersion = '6.7';
    const c = assess(plan).connectors[0];
    expect(c.findings).toEqual([expect.objectContaining({ rule: 'SMS-CON1', severity: Severity.WARNING, outcome: 'fail' })]);
    expect(c.verdict).toBe(Verdict.READY_WITH_CONDITIONS);
  });

  describe('acknowledgements', () => {
    const twoNics = (name: string): object => {
      const vm = readyLinuxVm(name);
      vm.nics.push({ ipv4: ['192.168.1.5'], ipv6: [], addressing: 'dhcp' });
      return vm;
    };

    test('a VM\'s own acknowledgement covers its finding, with the reason kept', () => {
      const vm: Vm & Record<string, unknown> = { ...twoNics('db-01'), acknowledge: [{ rule: 'SMS-NET1', reason: 'backup NIC' }] } as never;
      const v = vmNamed(assess(planOf([vm])), 'db-01');
      expect(v.findings.find((f) => f.rule === 'SMS-NET1')).toMatchObject({
        acknowledged: true, reason: 'backup NIC', acknowledgementScope: AcknowledgementScope.VM,
      });
      expect(v.verdict).toBe(Verdict.READY_WITH_CONDITIONS);
    });

    test('a plan-wide acknowledgement is narrowed by its name globs', () => {
      const plan = planOf([twoNics('db-01'), twoNics('web-01')], {
        acknowledge: [{ rule: 'SMS-NET1', reason: 'databases keep a backup NIC', vms: ['db-*'] }],
      });
      const a = assess(plan);
      expect(vmNamed(a, 'db-01').findings.find((f) => f.rule === 'SMS-NET1')).toMatchObject({
        acknowledged: true, acknowledgementScope: AcknowledgementScope.PLAN,
      });
      expect(vmNamed(a, 'web-01').findings.find((f) => f.rule === 'SMS-NET1')?.acknowledged).toBe(false);
    });

    test('a VM\'s own acknowledgement wins over a plan-wide one', () => {
      const vm = { ...twoNics('db-01'), acknowledge: [{ rule: 'SMS-NET1', reason: 'own reason' }] };
      const plan = planOf([vm], { acknowledge: [{ rule: 'SMS-NET1', reason: 'plan reason' }] });
      const a = assess(plan);
      expect(vmNamed(a, 'db-01').findings.find((f) => f.rule === 'SMS-NET1')?.reason).toBe('own reason');
      // The plan-wide one matched nothing else, so it is reported as unused.
      expect(a.unusedAcknowledgements).toEqual([{ rule: 'SMS-NET1', reason: 'plan reason', scope: AcknowledgementScope.PLAN }]);
    });

    test('an acknowledged error makes the VM ready-with-conditions', () => {
      const vm = readyLinuxVm();
      vm.replication = { ...vm.replication, encrypted: true };
      vm.acknowledge = [{ rule: 'SMS-JOB2', reason: 'encryption required by policy' }];
      const v = vmNamed(assess(planOf([vm])), 'lnx-01');
      expect(v.verdict).toBe(Verdict.READY_WITH_CONDITIONS);
      expect(v.findings.find((f) => f.rule === 'SMS-JOB2')?.acknowledged).toBe(true);
    });

    test('a hard rule\'s error is refused, visibly', () => {
      const vm = readyLinuxVm();
      vm.os.version = '7.4';
      vm.acknowledge = [{ rule: 'SMS-OS2', reason: 'we tested it' }];
      const a = assess(planOf([vm]));
      const v = vmNamed(a, 'lnx-01');
      expect(v.verdict).toBe(Verdict.NOT_READY);
      expect(v.findings.find((f) => f.rule === 'SMS-OS2')).toMatchObject({
        acknowledged: false, reason: 'we tested it', note: expect.stringMatching(/SMS-OS2 is a hard rule/),
      });
      // A refused acknowledgement did match: it is not reported as unused.
      expect(a.unusedAcknowledgements).toEqual([]);
    });

    test('a hard rule\'s unknown can be acknowledged', () => {
      const vm = readyLinuxVm();
      delete vm.os.version;
      vm.acknowledge = [{ rule: 'SMS-OS2', reason: 'version confirmed by the app team as 7.3' }];
      const v = vmNamed(assess(planOf([vm])), 'lnx-01');
      expect(v.findings.find((f) => f.rule === 'SMS-OS2')).toMatchObject({ outcome: 'unknown', acknowledged: true });
      expect(v.verdict).toBe(Verdict.READY_WITH_CONDITIONS);
    });

    test('a hard rule\'s warning band can be acknowledged', () => {
      const plan = planOf([readyLinuxVm()], { acknowledge: [{ rule: 'SMS-CON1', reason: 'vCenter 6.7 tested in the pilot', vms: ['dc1-*'] }] });
      plan.connectors[0].vcenterVersion = '6.7';
      const c = assess(plan).connectors[0];
      expect(c.findings[0]).toMatchObject({ rule: 'SMS-CON1', acknowledged: true });
      expect(c.verdict).toBe(Verdict.READY_WITH_CONDITIONS);
    });

    test('an acknowledgement that matches nothing is reported as unused', () => {
      const vm = readyLinuxVm();
      vm.acknowledge = [{ rule: 'SMS-NET2', reason: 'no IPv6 here anyway' }];
      const plan = planOf([vm], { acknowledge: [{ rule: 'SMS-NET1', reason: 'old', vms: ['gone-*'] }] });
      expect(assess(plan).unusedAcknowledgements).toEqual([
        { rule: 'SMS-NET1', reason: 'old', scope: AcknowledgementScope.PLAN, vms: ['gone-*'] },
        { rule: 'SMS-NET2', reason: 'no IPv6 here anyway', scope: AcknowledgementScope.VM, vm: 'lnx-01' },
      ]);
    });
  });

  describe('cross-VM rules', () => {
    test('fails both VMs that name the same server (SMS-JOB3)', () => {
      const a = readyLinuxVm('a');
      const b = readyLinuxVm('b');
      b.source = { ...b.source, vmPath: '/DC1/vm/b' };
      const result = assess(planOf([a, b]));
      expect(rulesOf(vmNamed(result, 'a'))).toEqual(['SMS-JOB3']);
      expect(rulesOf(vmNamed(result, 'b'))).toEqual(['SMS-JOB3']);
    });

    test('does not confuse the same vmId under different connectors', () => {
      const a = readyLinuxVm('a');
      const b = readyLinuxVm('b');
      const other = { ...vmwareConnector(), name: 'dc2-connector' };
      b.connector = 'dc2-connector';
      const plan = { version: 1, connectors: [vmwareConnector(), other], vms: [a, b] };
      expect(assess(plan).vms.map((v) => rulesOf(v))).toEqual([[], []]);
    });

    test('fails every VM past the 50th in plan order (SMS-JOB4), and honours a raised quota', () => {
      const vms = Array.from({ length: 51 }, (_, i) => {
        const vm = readyLinuxVm(`vm-${i + 1}`);
        vm.source = { vmId: `vm-id-${i}` };
        return vm;
      });
      const failing = (quota?: number): string[] => assess(planOf(vms), quota ? { jobQuota: quota } : {}).vms
        .filter((v) => rulesOf(v).includes('SMS-JOB4')).map((v) => v.name);
      expect(failing()).toEqual(['vm-51']);
      expect(failing(51)).toEqual([]);
    });

    describe('SMS-JOB4 per wave', () => {
      /** `count` ready VMs named `<prefix>-<n>`, in `wave`, or in none when it is undefined. */
      const vms = (prefix: string, count: number, wave?: string): ReturnType<typeof readyLinuxVm>[] => Array.from({ length: count }, (_, i) => {
        const vm = readyLinuxVm(`${prefix}-${i + 1}`);
        vm.source = { vmId: `${prefix}-id-${i}` };
        if (wave === undefined) {
          delete vm.wave;
        } else {
          vm.wave = wave;
        }
        return vm;
      });
      const failing = (a: PlanAssessment): string[] => a.vms.filter((v) => rulesOf(v).includes('SMS-JOB4')).map((v) => v.name);

      test('passes 800 VMs in 20 waves of 40', () => {
        const plan = planOf(Array.from({ length: 20 }, (_, w) => vms(`w${w + 1}`, 40, `wave-${w + 1}`)).flat());
        expect(failing(assess(plan))).toEqual([]);
      });

      test('fails the 51st VM of a wave, whatever the other findings of the VMs before it', () => {
        // GIVEN a wave of 51 whose first VM is not ready for another reason
        const wave = vms('a', 51, 'wave-1');
        wave[0].os.version = '7.4';
        // THEN the first still counts, and the 51st fails
        const a = assess(planOf([...wave, ...vms('b', 10, 'wave-2')]));
        expect(failing(a)).toEqual(['a-51']);
        expect(vmNamed(a, 'a-51').findings.find((f) => f.rule === 'SMS-JOB4')!.message).toMatch(/^a-51 is replication job 51 of wave wave-1 /);
      });

      test('counts a plan that names no wave as one wave', () => {
        const a = assess(planOf(vms('vm', 51)));
        expect(failing(a)).toEqual(['vm-51']);
        expect(a.vms.some((v) => v.unscheduled)).toBe(false);
      });

      test('neither counts nor fails the unscheduled VMs of a plan that uses waves, and marks them', () => {
        // GIVEN a wave of 50 and 20 VMs without a wave
        const a = assess(planOf([...vms('later', 10), ...vms('a', 50, 'wave-1'), ...vms('later-b', 10)]));
        // THEN no VM fails SMS-JOB4, and only the VMs without a wave are unscheduled
        expect(failing(a)).toEqual([]);
        expect(a.vms.filter((v) => v.unscheduled).map((v) => v.name)).toEqual([
          ...Array.from({ length: 10 }, (_, i) => `later-${i + 1}`), ...Array.from({ length: 10 }, (_, i) => `later-b-${i + 1}`),
        ]);
        expect(vmNamed(a, 'a-1').unscheduled).toBeUndefined();
        expect(vmNamed(a, 'later-1').findings.find((f) => f.rule === 'SMS-JOB4')).toBeUndefined();
      });
    });
  });

  test('merges the plan defaults under the VM\'s own settings', () => {
    // GIVEN an independent disk, which only a one-time migration can replicate
    const vm = readyLinuxVm();
    vm.disks[1].mode = 'independent-persistent';
    // WHEN the plan defaults to one-time, THEN SMS-DISK5 passes; an interval VM setting brings it back
    expect(rulesOf(assess(planOf([vm], { defaults: { replication: { type: 'one-time' } } })).vms[0])).toEqual([]);
    vm.replication = { ...vm.replication, type: 'interval' };
    expect(rulesOf(assess(planOf([vm], { defaults: { replication: { type: 'one-time' } } })).vms[0])).toEqual(['SMS-DISK5']);
  });

  test('judges seed times against the given moment', () => {
    const vm = readyLinuxVm();
    vm.replication = { ...vm.replication, seedTime: '2026-11-24T00:00:00Z' };
    const v = assess(planOf([vm])).vms[0];
    expect(v.findings.find((f) => f.rule === 'SMS-JOB1')).toMatchObject({ severity: Severity.WARNING });
  });
});

describe('assessVm and assessConnector', () => {
  test('assess one VM on its own, with its connector, defaults and acknowledgements', () => {
    const vm = readyLinuxVm();
    vm.nics.push({ ipv4: ['192.168.1.5'], ipv6: [], addressing: 'dhcp' });
    const v = assessVm(vm as Vm, {
      now: NOW, connector: vmwareConnector(), acknowledge: [{ rule: 'SMS-NET1', reason: 'backup NIC' }],
      defaults: { replication: { frequencyHours: 30 } },
    } as never);
    expect(rulesOf(v)).toEqual(['SMS-NET1', 'SMS-JOB1']);
    expect(v.findings.find((f) => f.rule === 'SMS-NET1')?.acknowledged).toBe(true);
    expect(v.verdict).toBe(Verdict.NOT_READY);
  });

  test('assess one connector on its own', () => {
    const c = assessConnector({ ...vmwareConnector(), memoryGiB: 4 });
    expect(c.findings.map((f) => f.rule)).toEqual(['SMS-CON3']);
    expect(c.verdict).toBe(Verdict.NOT_READY);
  });
});
