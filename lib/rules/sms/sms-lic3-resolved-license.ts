import { describeOs, osFamily, osName, OsName } from '../../plan/model/os';
import { LicenseChoice, OsFamily, OsFacts } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { licenseLabel } from './facts/license';

/** Why `auto` resolves the way it does for an OS, in the words of a report. */
function reason(os: OsFacts | undefined): string {
  const name = osName(os);
  if (name === OsName.WINDOWS_SERVER) {
    return 'Windows server OSes get an AWS license under auto';
  }
  if (name === OsName.WINDOWS_CLIENT) {
    return 'Windows client OSes support BYOL only';
  }
  if (osFamily(os) === OsFamily.LINUX) {
    return 'Linux supports BYOL only';
  }
  return 'only Windows server OSes get an AWS license under auto';
}

/**
 * Reports the license a job set to `auto` will get, and why.
 *
 * An info finding: `auto` is not wrong, but the license it picks decides the price and the licensing
 * obligations, so every report says it. An explicit `aws` or `byol` passes (the job gets what it asks
 * for; SMS-LIC1 and SMS-LIC2 judge whether SMS accepts it).
 */
export function resolvedLicense({ vm, replication, license }: VmContext): RuleResult {
  if (replication.licenseType !== LicenseChoice.AUTO) {
    return pass();
  }
  if (license === undefined) {
    const missing = osFamily(vm.os) === undefined
      ? 'the OS family is not recorded (os.family)'
      : 'the Windows OS name is not recorded (os.name)';
    return unknown(`license auto cannot be resolved: ${missing}: windows-server resolves to AWS, windows-client and Linux to BYOL`);
  }
  return fail(`license auto resolves to ${licenseLabel(license)} for ${describeOs(vm.os)} (${reason(vm.os)})`);
}
