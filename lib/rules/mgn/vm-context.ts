import { VmSurroundings } from '../../assessment/rule-pack';
import { Vm } from '../../plan/model/plan';
import { MgnPlanFacts, MgnVmContext } from './context';
import { laterDay } from './facts/days';
import { reportedLicense, resolveMgnLicensing } from './facts/licensing';
import { planScope } from './facts/plan-scope';
import { mgnPlanFacts } from './plan-facts';

/**
 * Everything the MGN rules may look at for one VM: its settings after defaults, license and tenancy,
 * evaluation date and egress rules.
 */
export function mgnVmContext(vm: Vm, { defaults, connector, plan, now }: VmSurroundings): MgnVmContext {
  // A pack's facts are its own, but a VM judged on its own may come with facts another pack made.
  const facts = 'scope' in plan ? plan as MgnPlanFacts : mgnPlanFacts([vm], { now });
  // A VM judged on its own takes the defaults it was given; in a plan, the plan's (the scope's own).
  const scope = facts.scope.plan !== undefined ? facts.scope : planScope([vm], undefined, facts.scope.assessmentDate, defaults);
  const settings = scope.settings(vm);
  const replication = settings.sms;
  const licensing = resolveMgnLicensing(vm.os, replication.licenseType, settings.launch.tenancy);
  const cutover = vm.wave !== undefined ? scope.waves.get(vm.wave)?.cutoverDate : undefined;
  const ownEgress = vm.mgn?.egress;
  const planEgress = facts.scope.plan?.mgn?.network?.sourceEgress;
  return {
    vm,
    replication,
    license: reportedLicense(licensing),
    connector,
    plan: facts,
    now: now,
    mgn: {
      method: settings.replication.method,
      replication: settings.replication,
      launch: settings.launch,
      licensing,
      evaluationDate: cutover !== undefined ? laterDay(cutover, scope.assessmentDate) : scope.assessmentDate,
      egress: ownEgress ?? planEgress,
      egressField: ownEgress !== undefined ? 'mgn.egress' : 'mgn.network.sourceEgress',
      application: settings.application,
    },
  };
}
