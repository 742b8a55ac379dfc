import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { describeOs } from '../../plan/model/os';
import { KernelHeaders, OsFamily, ReplicationMethod } from '../../plan/model/plan';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const REQUIREMENT = 'the MGN agent installer needs the headers of exactly the running kernel installed as a package, '
  + 'not as a symlink (guest.kernelHeaders: matching)';

/**
 * The headers of exactly the running kernel are installed, and not as a symlink to other headers (an
 * error rule, agent-based replication only): the installer builds its driver against them.
 *
 * Passes on `guest.kernelHeaders: matching`; fails on `missing` and on `symlink`, each with its own
 * message; unknown when the fact is missing or not one of those values; n/a for agentless VMs and off
 * Linux.
 */
export function kernelHeaders(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(ctx.vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const { vm } = ctx;
  const raw = vm.guest?.kernelHeaders;
  const value = raw == null ? '' : String(raw).trim().toLowerCase();
  const kernel = vm.os?.kernel != null && String(vm.os.kernel).trim() !== '' ? ` ${String(vm.os.kernel).trim()}` : '';
  switch (value) {
    case KernelHeaders.MATCHING:
      return pass();
    case KernelHeaders.MISSING:
      return fail(`the headers of the running kernel${kernel} of ${describeOs(vm.os)} are not installed (guest.kernelHeaders: missing): `
        + 'install the kernel headers package of exactly that kernel (kernel-devel, linux-headers) before installing the agent');
    case KernelHeaders.SYMLINK:
      return fail(`the kernel headers of ${describeOs(vm.os)} are a symlink to another kernel's (guest.kernelHeaders: symlink): `
        + `install the headers package of exactly the running kernel${kernel} instead of the link`);
    case '':
      return unknown(`whether the running kernel's headers are installed is not recorded (guest.kernelHeaders): ${REQUIREMENT}`);
    default:
      return unknown(`guest.kernelHeaders is ${String(raw)}, not matching, missing or symlink: ${REQUIREMENT}`);
  }
}
