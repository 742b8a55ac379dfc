import { describeOs, osName, OsName } from '../../../plan/model/os';
import { Attestation, OsFamily } from '../../../plan/model/plan';
import { familyGate } from '../../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../../assessment/rule';

/**
 * How the licensing messages name a license: `AWS`, `BYOL`.
 */
export function licenseLabel(license: string): string {
  return license.toUpperCase();
}

/** The attestations recorded for a job, for messages: `redhat-cloud-access, suse-byos` or `none`. */
export function attestedList(attestations: readonly Attestation[]): string {
  return attestations.length === 0 ? 'none' : attestations.join(', ');
}

/** The attestations a Windows BYOL job needs, in the order messages list them. */
export const MICROSOFT_BYOL_ATTESTATIONS: readonly Attestation[] = [
  Attestation.MICROSOFT_BYOL_DEDICATED_HOST,
  Attestation.MICROSOFT_BYOL_OWN_KEYS,
  Attestation.MICROSOFT_BYOL_ELIGIBLE,
];

/** A Linux distribution whose licenses come only through a vendor programme that the plan must attest. */
export interface ProgrammeRequirement {
  /** The distribution the requirement is about. */
  readonly distribution: OsName;
  /** How messages name the distribution: `RHEL`. */
  readonly label: string;
  /** The programme, as messages name it: `Red Hat Cloud Access (BYOL)`. */
  readonly programme: string;
  /** The attestation that records the programme is in use. */
  readonly attestation: Attestation;
}

// Each rule passes one constant requirement for every VM: word what it needs once.
const NEEDS = new WeakMap<ProgrammeRequirement, string>();

function needOf(requirement: ProgrammeRequirement): string {
  let need = NEEDS.get(requirement);
  if (need === undefined) {
    need = `${requirement.label} VMs need attestation ${requirement.attestation} in replication.attestations`;
    NEEDS.set(requirement, need);
  }
  return need;
}

/**
 * Judges a distribution-specific attestation (SMS-LIC4, SMS-LIC5).
 *
 * n/a for other families and other distributions; unknown when the family, or a Linux VM's
 * distribution, is not recorded, because the requirement may or may not apply.
 *
 * @param requirement the rule's requirement: pass one constant object, whose wording is then made once
 */
export function requireProgrammeAttestation({ vm, replication }: VmContext, requirement: ProgrammeRequirement): RuleResult {
  const need = needOf(requirement);
  const gate = familyGate(vm, OsFamily.LINUX, need);
  if (gate) {
    return gate;
  }
  const name = osName(vm.os);
  if (name === undefined) {
    return unknown(`the Linux distribution is not recorded (os.name): ${need}`);
  }
  if (name !== requirement.distribution) {
    return notApplicable();
  }
  if (replication.attestations.includes(requirement.attestation)) {
    return pass();
  }
  return fail(`${describeOs(vm.os)} must use ${requirement.programme} licenses: replication.attestations lacks `
    + `${requirement.attestation} (attested: ${attestedList(replication.attestations)})`);
}

/** Red Hat Cloud Access, which RHEL's license rules of both services require (SMS-LIC4, MGN-LIC4). */
export const REDHAT_CLOUD_ACCESS: ProgrammeRequirement = {
  distribution: OsName.RHEL,
  label: 'RHEL',
  programme: 'Red Hat Cloud Access (BYOL)',
  attestation: Attestation.REDHAT_CLOUD_ACCESS,
};

/** The SUSE Public Cloud Program, which SLES's license rules of both services require (SMS-LIC5, MGN-LIC5). */
export const SUSE_BYOS: ProgrammeRequirement = {
  distribution: OsName.SLES,
  label: 'SLES',
  programme: 'SUSE Public Cloud Program (BYOS)',
  attestation: Attestation.SUSE_BYOS,
};
