import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, Severity, unknown, VmContext } from '../../assessment/rule';
import { describeOs, osName, OsName, windowsRelease } from '../../plan/model/os';
import { OsFamily, OsFacts, ReplicationMethod } from '../../plan/model/plan';
import { compareVersions, parseVersion } from '../../private/version';
import type { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

/** The oldest .NET Framework the agent runs on. */
const MINIMUM = parseVersion('4.5') ?? [4, 5];

/** Windows Server releases on which an older .NET Framework is an error; other Windows get a warning (decided). */
const ERROR_RELEASES: ReadonlySet<string> = new Set(['2012', '2012r2', '2016', '2019', '2022', '2025']);

const REQUIREMENT = 'the MGN agent on Windows needs .NET Framework 4.5 or later (guest.dotNetVersion)';

/**
 * How much an old .NET Framework matters on this Windows: an error on Windows Server 2012 to 2025, a
 * warning on older servers and on clients; an error when the release cannot be told (the stricter
 * reading, decided).
 */
function severityFor(os: OsFacts | undefined): Severity {
  const name = osName(os);
  if (name === OsName.WINDOWS_CLIENT) {
    return Severity.WARNING;
  }
  const release = windowsRelease(os);
  if (name !== OsName.WINDOWS_SERVER || release === undefined || ERROR_RELEASES.has(release)) {
    return Severity.ERROR;
  }
  return /^(2003|2008)(r2)?$/.test(release) ? Severity.WARNING : Severity.ERROR;
}

/**
 * .NET Framework 4.5 or later is installed (agent-based replication only): an error on Windows Server
 * 2012 to 2025, a warning on other Windows (older servers, clients; decided).
 *
 * Compares `guest.dotNetVersion` numerically (4.10 is newer than 4.5); unknown when it is missing or
 * holds no number; n/a for agentless VMs and off Windows.
 */
export function windowsDotNet(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(ctx.vm, OsFamily.WINDOWS, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const { vm } = ctx;
  const raw = vm.guest?.dotNetVersion;
  const text = raw == null ? '' : String(raw).trim();
  if (text === '') {
    return unknown(`the .NET Framework version of ${describeOs(vm.os)} is not recorded (guest.dotNetVersion): ${REQUIREMENT}`);
  }
  const version = parseVersion(text);
  if (version === undefined) {
    return unknown(`.NET Framework version ${text} is not a version number (guest.dotNetVersion): ${REQUIREMENT}`);
  }
  if (compareVersions(version, MINIMUM) >= 0) {
    return pass();
  }
  const message = `.NET Framework ${text} on ${describeOs(vm.os)} is older than 4.5 (guest.dotNetVersion): `
    + 'install .NET Framework 4.5 or later before the MGN agent';
  const severity = severityFor(vm.os);
  return severity === Severity.ERROR ? fail(message) : fail(message, severity);
}
