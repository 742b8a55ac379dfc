import { fail, notApplicable, pass, RuleResult, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';
import { MgnQuotas } from './facts/quotas';
import { thousands } from '../../private/thousands';

const { APPLICATIONS_PER_WAVE, APPLICATIONS, WAVES, SOURCE_SERVERS } = MgnQuotas;

/** A count as messages write it: 1,000. */
function count(n: number): string {
  return thousands(n);
}

/**
 * The VM's wave, application and the VM itself are within MGN's fixed limits per account and Region:
 * 1,000 applications per wave, 200 applications and 200 waves not archived, 50,000 source servers in
 * all. Names are counted by first appearance in plan order; the VMs of a name past a limit fail, as do
 * the VMs past the 50,000th. Every limit that the VM breaks is listed. Every VM has an application, and
 * waves are only counted when named, so the rule is never unknown; n/a for an unscheduled VM.
 */
export function applicationsAndWaves(ctx: VmContext): RuleResult {
  const { vm, plan } = ctx as MgnVmContext;
  const counted = plan.quotasOf(vm).counted.get(vm.name);
  if (counted === undefined) {
    return notApplicable();
  }
  const problems: string[] = [];
  const { application, wave } = counted;
  if (counted.applicationOrdinalInWave > APPLICATIONS_PER_WAVE) {
    const where = wave !== undefined ? `wave ${wave}` : 'the plan (one wave: no VM names a wave)';
    problems.push(`application ${application} is application ${counted.applicationOrdinalInWave} of ${where}: `
      + `past ${count(APPLICATIONS_PER_WAVE)} applications per wave`);
  }
  if (counted.applicationOrdinal > APPLICATIONS) {
    problems.push(`application ${application} is application ${counted.applicationOrdinal} of the plan: past ${APPLICATIONS} applications`);
  }
  if (wave !== undefined && counted.waveOrdinal !== undefined && counted.waveOrdinal > WAVES) {
    problems.push(`wave ${wave} is wave ${counted.waveOrdinal} of the plan: past ${WAVES} waves`);
  }
  if (counted.position > SOURCE_SERVERS) {
    problems.push(`${vm.name} is source server ${counted.position} of the plan: past ${count(SOURCE_SERVERS)} source servers`);
  }
  if (problems.length === 0) {
    return pass();
  }
  return fail(`${problems.join('; ')} (MGN's limits per account and Region, names counted by first appearance in plan order)`);
}
