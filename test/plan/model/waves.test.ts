import { Vm } from '../../../lib/plan/model/plan';
import { namesWave, planWaves, usesWaves } from '../../../lib/plan/model/waves';

/** A VM with only a name and, when given, a wave. */
const vm = (name: string, wave?: string): Vm => ({ name, hypervisor: 'vmware', ...(wave === undefined ? {} : { wave }) }) as Vm;

describe('plan waves', () => {
  test('makes a plan in which no VM names a wave one unnamed wave of every VM, in plan order', () => {
    // GIVEN three VMs without a wave
    const vms = [vm('a'), vm('b'), vm('c')];
    // WHEN
    const waves = planWaves(vms);
    // THEN
    expect(usesWaves(vms)).toBe(false);
    expect(waves.waves).toEqual([{ vms }]);
    expect(waves.unscheduled).toEqual([]);
  });

  test('groups the VMs of a plan that uses waves by wave, in the order the plan first names them, the VMs without one apart', () => {
    // GIVEN VMs of two waves, interleaved, and two VMs without a wave
    const vms = [vm('x'), vm('a', 'wave-2'), vm('b', 'wave-1'), vm('c', 'wave-2'), vm('y')];
    // WHEN
    const waves = planWaves(vms);
    // THEN
    expect(usesWaves(vms)).toBe(true);
    expect(waves.waves.map((w) => [w.name, w.vms.map((v) => v.name)])).toEqual([['wave-2', ['a', 'c']], ['wave-1', ['b']]]);
    expect(waves.unscheduled.map((v) => v.name)).toEqual(['x', 'y']);
  });

  test('reads an empty or blank wave name, which the loader refuses, as naming none', () => {
    expect([namesWave(undefined), namesWave(''), namesWave('  '), namesWave('wave-1')]).toEqual([false, false, false, true]);
    expect(planWaves([vm('a', ''), vm('b', 'wave-1')]).unscheduled.map((v) => v.name)).toEqual(['a']);
  });

  test('has no wave for no VMs', () => {
    expect(planWaves([])).toEqual({ waves: [], unscheduled: [] });
  });
});
