import { describeOs } from '../../plan/model/os';
import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { MICROSOFT_BYOL_ATTESTATIONS } from '../sms/facts/license';
import type { MgnVmContext } from './context';
import { byolReason, isRuleResult, windowsByol } from './facts/windows-byol';

const ALL = MICROSOFT_BYOL_ATTESTATIONS.join(', ');
const REQUIREMENT = `a Windows VM licensed BYOL needs attestations ${ALL}`;

/** The edition Microsoft licenses for Azure and Azure Stack HCI only, folded as foldEdition() folds. */
const AZURE_EDITION = 'datacenterazure';

/** An edition folded for comparison: case, spaces, hyphens and other punctuation ignored, a trailing `edition` dropped. */
function foldEdition(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/edition$/, '');
}

/**
 * A Windows VM (server or client) that resolves to BYOL records SMS-LIC6's three Microsoft BYOL
 * conditions (Dedicated Hosts, keys of your own, an eligible agreement), and is not the Datacenter:
 * Azure Edition (`os.edition datacenter-azure`), whose terms restrict where its license may run. A
 * warning.
 *
 * n/a when the VM launches license included, for Linux and family `other`; unknown when the family
 * cannot be told. A missing `os.edition` does not make it unknown: the edition only adds a warning.
 */
export function microsoftByol(ctx: VmContext): RuleResult {
  const mgn = ctx as MgnVmContext;
  const licensing = windowsByol(mgn, REQUIREMENT);
  if (isRuleResult(licensing)) {
    return licensing;
  }
  const { vm, replication } = mgn;
  const problems: string[] = [];
  const missing = MICROSOFT_BYOL_ATTESTATIONS.filter((a) => !replication.attestations.includes(a));
  if (missing.length > 0) {
    problems.push(`lacks ${missing.length === 1 ? 'attestation' : 'attestations'} ${missing.join(', ')} in replication.attestations `
      + `(BYOL Windows needs all of: ${ALL})`);
  }
  const edition = vm.os?.edition == null ? '' : String(vm.os.edition).trim();
  if (edition !== '' && foldEdition(edition) === AZURE_EDITION) {
    problems.push(`is edition ${edition} (os.edition), whose license Microsoft restricts to Azure: confirm it may be brought to AWS`);
  }
  if (problems.length === 0) {
    return pass();
  }
  return fail(`${describeOs(vm.os)} with ${byolReason(mgn)} ${problems.join('; and ')}`);
}
