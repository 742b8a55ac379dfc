import { Hypervisor } from '../../plan/model/plan';
import { compareVersions, VersionParts } from '../../private/version';
import { ConnectorContext, fail, notApplicable, pass, RuleResult, Severity, unknown } from '../../assessment/rule';

/** The Hyper-V host operating systems the connector supports, as plan files write them. */
const SUPPORTED_HOST_OS = ['windows-server-2012-r2', 'windows-server-2016'];

/** The oldest Active Directory release the connector works with. */
const MIN_ACTIVE_DIRECTORY = 2012;

/** SCVMM as [release year, R2, service pack]: the oldest supported is 2012 SP1. */
const MIN_SCVMM: VersionParts = [2012, 0, 1];
/** The last SCVMM release AWS validated. */
const MAX_VALIDATED_SCVMM_YEAR = 2016;

const SCVMM_SUPPORTED = 'supported: 2012 SP1, 2012 R2, 2016';

/**
 * Folds `Windows Server 2012 R2`, `windows_server_2012r2`, `Windows Server 2016 Datacenter` and the
 * like to the plan-file spelling; an edition (Standard, Datacenter) does not change the release.
 */
function normalizeHostOs(text: string): string {
  return text.trim().toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/(\d)r2\b/, '$1-r2')
    .replace(/-(standard|datacenter)(-edition)?$/, '');
}

/** The first four-digit release year in the text (`2012` in `Windows Server 2012 R2`), if any. */
function releaseYear(text: string): number | undefined {
  const match = text.match(/(?:^|\D)(\d{4})(?!\d)/);
  return match ? Number(match[1]) : undefined;
}

/**
 * SCVMM as [year, R2 (0 or 1), service pack]: `2012` is [2012, 0, 0], `2012 SP1` [2012, 0, 1],
 * `2012 R2` [2012, 1, 0]. Semi-annual releases (`1801`, `1807`) came after 2016 and read as
 * [2017, 0, 0]. Undefined when the text has no release year.
 */
function scvmmRelease(text: string): VersionParts | undefined {
  const match = text.match(/(?:^|\D)(\d{4})(?!\d)\s*(r2)?(?:\s*[-_]?\s*(?:sp|service\s*pack)\s*(\d+))?/i);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const month = year % 100;
  if (year >= 1700 && year < 2000 && month >= 1 && month <= 12) {
    return [MAX_VALIDATED_SCVMM_YEAR + 1, 0, 0];
  }
  return [year, match[2] ? 1 : 0, match[3] ? Number(match[3]) : 0];
}

function isBlank(text: string | undefined): text is undefined {
  return text == null || String(text).trim() === '';
}

/**
 * A Hyper-V connector's environment: the host runs Windows Server 2012 R2 or 2016, Active Directory
 * is 2012 or above, and SCVMM, when used, is 2012 SP1 or later (above 2016 is a warning: not
 * validated).
 *
 * One result covers all three: any error makes it fail at error, else a missing host OS or Active
 * Directory version makes it unknown, else an SCVMM above 2016 makes it a warning. The message names
 * every part that is wrong or missing. No `scvmmVersion` means SCVMM is not used.
 */
export function hypervEnvironment({ connector }: ConnectorContext): RuleResult {
  if (connector.hypervisor !== Hypervisor.HYPERV) {
    return notApplicable();
  }
  const parts: string[] = [];
  let errors = 0;
  let unknowns = 0;
  let warnings = 0;

  const hostOs = connector.hypervHostOs;
  if (isBlank(hostOs)) {
    unknowns++;
    parts.push(`the Hyper-V host OS is not recorded (hypervHostOs; supported: ${SUPPORTED_HOST_OS.join(', ')})`);
  } else if (!SUPPORTED_HOST_OS.includes(normalizeHostOs(String(hostOs)))) {
    errors++;
    parts.push(`Hyper-V host ${String(hostOs).trim()} is not supported (supported: ${SUPPORTED_HOST_OS.join(', ')})`);
  }

  const ad = connector.activeDirectoryVersion;
  const adYear = isBlank(ad) ? undefined : releaseYear(String(ad));
  if (isBlank(ad)) {
    unknowns++;
    parts.push(`the Active Directory version is not recorded (activeDirectoryVersion; supported: ${MIN_ACTIVE_DIRECTORY} or above)`);
  } else if (adYear === undefined) {
    unknowns++;
    parts.push(`activeDirectoryVersion "${String(ad).trim()}" names no release year (supported: ${MIN_ACTIVE_DIRECTORY} or above)`);
  } else if (adYear < MIN_ACTIVE_DIRECTORY) {
    errors++;
    parts.push(`Active Directory ${String(ad).trim()} is not supported (supported: ${MIN_ACTIVE_DIRECTORY} or above)`);
  }

  const scvmm = connector.scvmmVersion;
  if (!isBlank(scvmm)) {
    const text = String(scvmm).trim();
    const release = scvmmRelease(text);
    if (release === undefined) {
      unknowns++;
      parts.push(`scvmmVersion "${text}" names no release year (${SCVMM_SUPPORTED})`);
    } else if (compareVersions(release, MIN_SCVMM) < 0) {
      errors++;
      parts.push(`SCVMM ${text} is not supported (${SCVMM_SUPPORTED}; 2012 needs SP1)`);
    } else if (release[0] > MAX_VALIDATED_SCVMM_YEAR) {
      warnings++;
      parts.push(`SCVMM ${text} is above 2016 and not validated with SMS (${SCVMM_SUPPORTED})`);
    }
  }

  const message = parts.join('; ');
  if (errors > 0) {
    return fail(message);
  }
  if (unknowns > 0) {
    return unknown(message);
  }
  if (warnings > 0) {
    return fail(message, Severity.WARNING);
  }
  return pass();
}
