import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { describeOs } from '../../plan/model/os';
import { Paravirtualization } from '../../plan/model/plan';

const REQUIREMENT = 'MGN does not support fully paravirtualized servers (guest.paravirtualization must be none or partial)';

/**
 * The server is not fully paravirtualized (a hard error rule, any family, any method): MGN replicates
 * only hardware-virtualized servers, with paravirtual drivers at most.
 *
 * Passes on `guest.paravirtualization` `none` or `partial`; fails on `full`; unknown when the fact is
 * missing or another value.
 */
export function paravirtualization({ vm }: VmContext): RuleResult {
  const raw = vm.guest?.paravirtualization;
  const value = raw == null ? '' : String(raw).trim().toLowerCase();
  switch (value) {
    case Paravirtualization.NONE:
    case Paravirtualization.PARTIAL:
      return pass();
    case Paravirtualization.FULL:
      return fail(`${describeOs(vm.os)} is fully paravirtualized (guest.paravirtualization: full): `
        + 'MGN does not support it; move the server to hardware virtualization (none or partial) or migrate it another way');
    case '':
      return unknown(`how far ${describeOs(vm.os)} is paravirtualized is not recorded (guest.paravirtualization): ${REQUIREMENT}`);
    default:
      return unknown(`guest.paravirtualization is ${String(raw)}, not none, partial or full: ${REQUIREMENT}`);
  }
}
