import { PlacedVolume } from '../../plan/model/disks';
import { OsFamily, ReplicationMethod, Vm } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, Outcome, pass, RuleResult, Severity, unknown, VmContext } from '../../assessment/rule';
import { formatAgainst, volumeLabel } from '../sms/facts/boot';
import type { MgnVmContext } from './context';
import {
  freeGiBOf, missingFree, missingVolume, programFilesVolume, sameVolume, systemVolume, WINDOWS_MIN_FREE_GIB,
} from './facts/volumes';

const SYSTEM_REQUIREMENT = `the Windows system volume needs at least ${WINDOWS_MIN_FREE_GIB} GiB free to launch`;

const PROGRAM_FILES_REQUIREMENT = `the agent needs at least ${WINDOWS_MIN_FREE_GIB} GiB free on the volume holding Program Files (x86) `
  + '(guest.programFilesVolume, default the system volume)';

/** What the system volume should have when it also holds Program Files (x86) for the agent (the warning band). */
const SHARED_GIB = 2 * WINDOWS_MIN_FREE_GIB;

const FREE_FIELD = '(disks[].volumes[].freeGiB)';

/** The system volume's part: at least 2 GiB free, for every method. */
function judgeSystem(vm: Vm, system: PlacedVolume | undefined): RuleResult {
  if (!system) {
    return missingVolume(vm, 'no system volume (mounted at C: or marked system: true) is recorded', SYSTEM_REQUIREMENT);
  }
  const free = freeGiBOf(system);
  if (free === undefined) {
    return missingFree('system volume', system, SYSTEM_REQUIREMENT);
  }
  if (free < WINDOWS_MIN_FREE_GIB) {
    return fail(`system volume ${volumeLabel(system)} has ${formatAgainst(free, WINDOWS_MIN_FREE_GIB, 'GiB')} free ${FREE_FIELD}: `
      + SYSTEM_REQUIREMENT);
  }
  return pass();
}

/**
 * The agent's part: at least 2 GiB free on the Program Files (x86) volume, and 4 GiB (a warning below)
 * when that is the system volume. Passes where the system volume's own part already reports.
 */
function judgeProgramFiles(vm: Vm, system: PlacedVolume | undefined): RuleResult {
  const { placed, named } = programFilesVolume(vm);
  if (!placed) {
    // Unnamed, it is the system volume, which judgeSystem() already reports missing.
    if (named === undefined) {
      return pass();
    }
    return missingVolume(vm, `guest.programFilesVolume ${named} names no recorded volume`, PROGRAM_FILES_REQUIREMENT);
  }
  const free = freeGiBOf(placed);
  if (system && sameVolume(placed, system)) {
    if (free === undefined || free < WINDOWS_MIN_FREE_GIB || free >= SHARED_GIB) {
      return pass();
    }
    return fail(`system volume ${volumeLabel(system)} has ${formatAgainst(free, SHARED_GIB, 'GiB')} free ${FREE_FIELD} and also holds `
      + `Program Files (x86): at least ${SHARED_GIB} GiB is advised, ${WINDOWS_MIN_FREE_GIB} GiB to launch and `
      + `${WINDOWS_MIN_FREE_GIB} GiB for the agent`, Severity.WARNING);
  }
  if (free === undefined) {
    return missingFree('Program Files (x86) volume', placed, PROGRAM_FILES_REQUIREMENT);
  }
  if (free < WINDOWS_MIN_FREE_GIB) {
    return fail(`Program Files (x86) volume ${volumeLabel(placed)} has ${formatAgainst(free, WINDOWS_MIN_FREE_GIB, 'GiB')} free `
      + `${FREE_FIELD}: ${PROGRAM_FILES_REQUIREMENT}`);
  }
  return pass();
}

/** One result of two: errors first (both messages when both fail), then unknowns, then the warning band. */
function worse(a: RuleResult, b: RuleResult): RuleResult {
  const errors = [a, b].filter((r) => r.outcome === Outcome.FAIL && r.severity !== Severity.WARNING);
  if (errors.length > 0) {
    return errors.length === 1 ? errors[0] : fail(errors.map((r) => r.message).join('; '));
  }
  const unknowns = [a, b].filter((r) => r.outcome === Outcome.UNKNOWN);
  if (unknowns.length > 0) {
    return unknowns.length === 1 ? unknowns[0] : unknown(unknowns.map((r) => r.message).join('; '));
  }
  return a.outcome === Outcome.FAIL ? a : b;
}

/**
 * MGN-FREE4: a Windows system volume (`system: true`, else `C:`) has at least 2 GiB free to launch,
 * for both methods. [agent] The volume holding Program Files (x86) (`guest.programFilesVolume`, else
 * the system volume) also has at least 2 GiB free for the agent; when it is the system volume, less
 * than 4 GiB fails as a warning. Exactly a minimum passes. n/a for Linux and `other`.
 */
export function windowsFreeSpace(ctx: VmContext): RuleResult {
  const { vm, mgn } = ctx as MgnVmContext;
  const gate = familyGate(vm, OsFamily.WINDOWS, SYSTEM_REQUIREMENT);
  if (gate) {
    return gate;
  }
  const system = systemVolume(vm);
  const systemResult = judgeSystem(vm, system);
  if (mgn.method !== ReplicationMethod.AGENT) {
    return systemResult;
  }
  return worse(systemResult, judgeProgramFiles(vm, system));
}
