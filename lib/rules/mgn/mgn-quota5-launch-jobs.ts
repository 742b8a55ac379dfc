import { fail, notApplicable, RuleResult, VmContext } from '../../assessment/rule';
import type { MgnVmContext } from './context';
import { MgnQuotaFacts, MgnQuotas } from './facts/quotas';

const { SERVERS_PER_LAUNCH_JOB: PER_JOB, LAUNCH_JOBS_AT_ONCE } = MgnQuotas;

// One reminder per wave of each plan's facts: the message depends on the wave, not on the VM.
const REMINDERS = new WeakMap<MgnQuotaFacts, Map<string, RuleResult>>();

/** The launch jobs a wave of `size` VMs needs: at most 200 servers each. */
export function launchJobCount(size: number): number {
  return Math.ceil(size / PER_JOB);
}

/**
 * A reminder of how the VM's wave launches: MGN takes at most 200 servers per launch job and 200 across
 * its running jobs (20 jobs at once, one job per server), so a wave of n VMs launches as ceil(n/200)
 * jobs, one after another. n/a for an unscheduled VM, which is not deployed.
 */
export function launchJobs(ctx: VmContext): RuleResult {
  const { vm, plan } = ctx as MgnVmContext;
  const quotas = plan.quotasOf(vm);
  const counted = quotas.counted.get(vm.name);
  if (counted === undefined) {
    return notApplicable();
  }
  let reminders = REMINDERS.get(quotas);
  if (reminders === undefined) {
    reminders = new Map();
    REMINDERS.set(quotas, reminders);
  }
  const key = counted.wave ?? '';
  let result = reminders.get(key);
  if (result === undefined) {
    const size = quotas.waveSize.get(key) ?? 1;
    const jobs = launchJobCount(size);
    const wave = counted.wave !== undefined ? `wave ${counted.wave}` : 'the plan (one wave: no VM names a wave)';
    const launches = jobs === 1 ? 'as 1 job' : `as ${jobs} jobs, one after another`;
    result = Object.freeze(fail(`${wave} has ${size} VM${size === 1 ? '' : 's'}, so it launches ${launches}: `
      + `MGN takes at most ${PER_JOB} servers per launch job and across its running jobs `
      + `(${LAUNCH_JOBS_AT_ONCE} jobs at once, one job per server)`));
    reminders.set(key, result);
  }
  return result;
}
