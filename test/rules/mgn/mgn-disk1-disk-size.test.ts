import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { diskSize } from '../../../lib/rules/mgn/mgn-disk1-disk-size';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'every disk must be at most 16384 GiB (16 TiB)';

describe('MGN-DISK1 disk size', () => {
  const check = (disks: unknown, os: object = { family: 'linux', name: 'rhel', version: '9.4' }) => diskSize(mgnVmContext({ os, disks }));

  test('passes disks up to 14,901.16 GiB, and an explicit empty list', () => {
    expect(check([{ sizeGiB: 100 }, { sizeGiB: 14901.16 }]).outcome).toBe(Outcome.PASS);
    expect(check([]).outcome).toBe(Outcome.PASS);
  });

  test('fails a disk above 16,384 GiB, for every family and method', () => {
    // GIVEN a 20,000 GiB data disk
    const result = check([{ name: 'Hard disk 1', sizeGiB: 100 }, { name: 'Hard disk 2', sizeGiB: 20000 }, { sizeGiB: 16384.0001 }],
      { family: 'other', name: 'freebsd' });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe(`"Hard disk 2" is 20000 GiB, disk 3 is 16384.0001 GiB (disks[].sizeGiB): ${REQUIREMENT}; `
      + 'split the data over smaller disks');
  });

  test('warns above 14,901.16 GiB up to 16,384 GiB included', () => {
    const result = check([{ name: 'big', sizeGiB: 16384 }, { sizeGiB: 14901.17 }]);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('"big" is 16384 GiB, disk 2 is 14901.17 GiB (disks[].sizeGiB): above 14901.16 GiB (16 TB), '
      + `close to the limit: ${REQUIREMENT}`);
  });

  test('fails an oversized disk even when another size is missing', () => {
    expect(check([{ sizeGiB: 17000 }, {}]).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when a disk size is missing, naming the banded disks too', () => {
    const result = check([{ name: 'os' }, { sizeGiB: 15000 }]);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the size of "os" is not recorded (disks[].sizeGiB): ${REQUIREMENT}; disk 2 is 15000 GiB, `
      + 'above 14901.16 GiB (16 TB)');
  });

  test('is unknown when disks are not recorded', () => {
    const result = check(undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the VM's virtual disks are not recorded (disks): ${REQUIREMENT}`);
  });

  test('reports through the whole pack; its warning band can be acknowledged, its error cannot', () => {
    const vm = (name: string, sizeGiB: number) => ({ name, hypervisor: 'vmware', os: { family: 'windows', name: 'windows-server', version: '2019' },
      disks: [{ sizeGiB }], mgn: { replication: { method: 'agentless' } },
      acknowledge: [{ rule: 'MGN-DISK1', reason: 'split after cutover' }] });
    const plan = { version: 1, target: 'mgn', vms: [vm('banded', 15000), vm('over', 17000)] } as Plan;
    const [banded, over] = assessPlan(plan, { now: MGN_TEST_NOW }).vms.map((v) => v.findings.find((f) => f.rule === 'MGN-DISK1'));
    expect(banded).toMatchObject({ outcome: 'fail', severity: Severity.WARNING, acknowledged: true });
    expect(over).toMatchObject({ outcome: 'fail', severity: Severity.ERROR, acknowledged: false });
  });
});
