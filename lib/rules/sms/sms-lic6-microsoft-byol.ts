import { describeOs } from '../../plan/model/os';
import { LicenseChoice, OsFamily, ResolvedLicense } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { MICROSOFT_BYOL_ATTESTATIONS } from './facts/license';

const REQUIREMENT = `a Windows VM licensed BYOL needs attestations ${MICROSOFT_BYOL_ATTESTATIONS.join(', ')}`;

/**
 * A Windows VM (server or client) whose job resolves to BYOL records the three Microsoft BYOL
 * conditions: Dedicated Hosts, keys of your own, and an eligible Microsoft agreement.
 *
 * Without them the instance is not entitled to Linux-rate pricing, and running it may break the
 * Microsoft license terms. n/a when the job gets an AWS license; unknown when the license cannot be
 * resolved (a Windows VM with `auto` and no `os.name`).
 */
export function microsoftByol({ vm, replication, license }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.WINDOWS, REQUIREMENT);
  if (gate) {
    return gate;
  }
  if (license === undefined) {
    return unknown('license auto cannot be resolved: the Windows OS name is not recorded (os.name): a windows-client VM '
      + `gets BYOL and needs attestations ${MICROSOFT_BYOL_ATTESTATIONS.join(', ')}, a windows-server VM gets AWS`);
  }
  if (license === ResolvedLicense.AWS) {
    return notApplicable();
  }
  const missing = MICROSOFT_BYOL_ATTESTATIONS.filter((a) => !replication.attestations.includes(a));
  if (missing.length === 0) {
    return pass();
  }
  const how = replication.licenseType === LicenseChoice.AUTO ? 'license auto (resolved to BYOL)' : 'license byol';
  return fail(`${describeOs(vm.os)} with ${how} lacks ${missing.length === 1 ? 'attestation' : 'attestations'} `
    + `${missing.join(', ')} in replication.attestations (BYOL Windows needs all of: ${MICROSOFT_BYOL_ATTESTATIONS.join(', ')})`);
}
