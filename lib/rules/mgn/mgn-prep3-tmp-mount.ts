import { familyGate } from '../../assessment/family-gate';
import { RuleResult, Severity, VmContext } from '../../assessment/rule';
import { OsFamily, ReplicationMethod } from '../../plan/model/plan';
import type { MgnVmContext } from './context';
import { Checklist } from './facts/checklist';
import { methodGate } from './facts/method-gate';

const REQUIREMENT = 'the MGN agent installer needs /tmp mounted read-write and with exec';

/**
 * `/tmp` is mounted read-write and exec (an error rule, agent-based replication only): the installer
 * unpacks and runs its files there.
 *
 * Fails naming each of `guest.tmpWritable` and `guest.tmpExec` that is false; unknown when one is
 * missing and none fails; n/a for agentless VMs and off Linux.
 */
export function tmpMount(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(ctx.vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const guest = ctx.vm.guest;
  const list = new Checklist(Severity.ERROR);
  if (guest?.tmpWritable == null) {
    list.unknown('whether /tmp is mounted read-write is not recorded (guest.tmpWritable): it must be (rw)');
  } else if (guest.tmpWritable !== true) {
    list.fail(`/tmp is not mounted read-write (guest.tmpWritable: ${String(guest.tmpWritable)}): remount it rw`);
  }
  if (guest?.tmpExec == null) {
    list.unknown('whether /tmp is mounted with exec is not recorded (guest.tmpExec): it must be (no noexec)');
  } else if (guest.tmpExec !== true) {
    list.fail(`/tmp is mounted noexec (guest.tmpExec: ${String(guest.tmpExec)}): remount it with exec for the installation`);
  }
  return list.result();
}
