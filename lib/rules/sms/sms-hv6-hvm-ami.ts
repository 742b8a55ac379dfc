import { describeOs, osFamily } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { familiesGate, LINUX_AND_WINDOWS } from '../../assessment/family-gate';
import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';

/**
 * Information: SMS makes HVM AMIs only, never paravirtual (PV) ones. The rule's severity is info, so
 * its `fail` tells the fact without changing the verdict.
 *
 * It tells it for Linux VMs, the only ones for which PV and HVM are both options on EC2 (a Linux
 * team that expects a PV AMI or relies on PV-only tooling must know); PVHVM drivers inside the guest
 * keep working. Windows AMIs on EC2 are HVM anyway, so Windows passes. n/a for `other`; unknown when
 * the family cannot be told.
 */
export function hvmAmi({ vm }: VmContext): RuleResult {
  const gate = familiesGate(vm, LINUX_AND_WINDOWS, 'SMS makes HVM AMIs only, which matters for Linux VMs');
  if (gate) {
    return gate;
  }
  if (osFamily(vm.os) === OsFamily.WINDOWS) {
    return pass();
  }
  return fail(`${describeOs(vm.os)} will be imported as an HVM AMI: SMS never makes paravirtual (PV) AMIs; `
    + 'PVHVM drivers in the guest are supported');
}
