/**
 * `cdk-sms assess --deployed [waves]`: the exit status counts only the VMs a deployment deploys, as
 * `cdk synth` fails only on them; every VM is still reported.
 */
import { Plan } from '../../lib/plan/model/plan';
import { EXAMPLE, expectInputError, jsonOf, readPlan, removeTempDirs, run, writeTemp } from './helpers';

afterAll(removeTempDirs);

/** The example with one not-ready VM of its own moved into wave-2 (its not-ready VMs are unscheduled). */
function planWithNotReadyInWave2(): string {
  const plan = readPlan(EXAMPLE) as Plan & { vms: Array<{ name: string; wave?: string }> };
  const example = run(['assess', EXAMPLE, '--format', 'json']);
  const notReady = jsonOf<{ vms: Array<{ name: string; verdict: string }> }>(example).vms.find((vm) => vm.verdict === 'not-ready')!.name;
  const vms = plan.vms.map((vm) => (vm.name === notReady ? { ...vm, wave: 'wave-2' } : vm));
  return writeTemp('plan.json', JSON.stringify({ ...plan, vms }));
}

describe('assess --deployed', () => {
  test('without it, the example\'s unscheduled not-ready VMs make the exit status 1', () => {
    expect(run(['assess', EXAMPLE]).status).toBe(1);
  });

  test('leaves the unscheduled VMs out of the exit status, and still reports them', () => {
    // WHEN
    const result = run(['assess', EXAMPLE, '--deployed', '--format', 'json']);
    // THEN
    expect(result.status).toBe(0);
    const report = jsonOf<{ vms: Array<{ verdict: string; unscheduled?: boolean }> }>(result);
    expect(report.vms.filter((vm) => vm.verdict === 'not-ready' && vm.unscheduled === true).length).toBeGreaterThan(0);
  });

  test('with waves listed, counts only theirs', () => {
    // GIVEN a not-ready VM in wave-2
    const file = planWithNotReadyInWave2();
    // WHEN / THEN
    expect(run(['assess', file, '--deployed']).status).toBe(1);
    expect(run(['assess', file, '--deployed', 'wave-1']).status).toBe(0);
    expect(run(['assess', file, '--deployed', 'wave-1, wave-2']).status).toBe(1);
  });

  test('calls the one wave of a plan that names none all', () => {
    const plan = readPlan(EXAMPLE) as Plan & { vms: Array<{ wave?: string }> };
    const file = writeTemp('whole.json', JSON.stringify({ ...plan, vms: plan.vms.map(({ wave: _wave, ...vm }) => vm) }));
    expect(run(['assess', file, '--deployed', 'all']).status).toBe(1);
  });

  test('refuses a wave the plan has no VM in: a typo must not let every VM pass', () => {
    const result = run(['assess', EXAMPLE, '--deployed', 'wave-3']);
    expectInputError(result);
    expect(result.stderr).toContain('--deployed names "wave-3", which the plan has no VM in (waves: wave-1, wave-2)');
  });
});
