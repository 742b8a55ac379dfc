import { familyGate } from '../../assessment/family-gate';
import { notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { describeOs, osName, OsName, windowsRelease } from '../../plan/model/os';
import { OsFamily, ReplicationMethod } from '../../plan/model/plan';
import { checkFlag, FlagCheck } from '../sms/facts/guest';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

/** The client releases the rule judges. */
const SLEEPING_RELEASES: ReadonlySet<string> = new Set(['10', '11']);

/** The other client releases `windowsRelease()` gives, on which the rule is n/a. */
const OTHER_CLIENT_RELEASES: ReadonlySet<string> = new Set(['xp', 'vista', '7', '8', '8.1']);

const CHECK: FlagCheck = {
  wanted: false,
  field: 'guest.autoSleepEnabled',
  failing: 'automatic sleep is on',
  question: 'whether automatic sleep is on',
  requirement: 'on Windows 10 and 11 turn it off, or replication stops whenever the machine sleeps',
};

/**
 * Automatic sleep is off on Windows 10 and 11 (a warning rule, agent-based replication only): a sleeping
 * source stops replicating.
 *
 * Judges `guest.autoSleepEnabled` on `windows-client` 10 and 11; n/a on other Windows, for agentless VMs
 * and off Windows. When the release cannot be told, passes if automatic sleep is off (nothing to warn
 * of, whichever release) and is unknown otherwise.
 */
export function windowsAutoSleep(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(ctx.vm, OsFamily.WINDOWS, CHECK.requirement);
  if (gate) {
    return gate;
  }
  const { vm } = ctx;
  const name = osName(vm.os);
  if (name === OsName.WINDOWS_SERVER) {
    return notApplicable();
  }
  const release = name === OsName.WINDOWS_CLIENT ? windowsRelease(vm.os) : undefined;
  if (release !== undefined && OTHER_CLIENT_RELEASES.has(release)) {
    return notApplicable();
  }
  if (release !== undefined && SLEEPING_RELEASES.has(release)) {
    return checkFlag(vm.guest?.autoSleepEnabled, CHECK);
  }
  if (vm.guest?.autoSleepEnabled === false) {
    return pass();
  }
  const field = name === OsName.WINDOWS_CLIENT ? 'os.version' : 'os.name, os.version';
  return unknown(`whether ${describeOs(vm.os)} is Windows 10 or 11 cannot be told (${field}): ${CHECK.requirement} (guest.autoSleepEnabled: false)`);
}
