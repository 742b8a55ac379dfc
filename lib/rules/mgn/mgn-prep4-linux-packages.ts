import { familyGate } from '../../assessment/family-gate';
import { RuleResult, Severity, VmContext } from '../../assessment/rule';
import { describeOs, osName, OsName } from '../../plan/model/os';
import { OsFamily, ReplicationMethod, Vm } from '../../plan/model/plan';
import type { MgnVmContext } from './context';
import { Checklist } from './facts/checklist';
import { methodGate } from './facts/method-gate';
import { comparePackageVersions, installedVersion, missingPackages, PackageMap } from './facts/packages';

/** The package 8.x releases of the RHEL family need for the agent's driver build. */
export const LIBELF_DEVEL = 'elfutils-libelf-devel';

/** The tools the installer uses; when one is missing it installs it from the distribution's repositories. */
export const INSTALLER_TOOLS: readonly string[] = ['make', 'gcc', 'perl', 'tar', 'gawk', 'rpm'];

/** The oldest lvm2 that RHEL and Oracle Linux 9.0-9.4 with LVM replicate with. */
export const MIN_LVM2 = '2.03.23-1';

/** Distributions whose 8.x needs elfutils-libelf-devel: an error on Rocky, a warning on the others (decided). */
const LIBELF_8: ReadonlySet<string> = new Set([OsName.ROCKY, OsName.RHEL, OsName.CENTOS, OsName.ORACLE_LINUX]);

/** Distributions whose 9.0-9.4 need lvm2 2.03.23-1 or later with LVM. */
const LVM2_9: ReadonlySet<string> = new Set([OsName.RHEL, OsName.ORACLE_LINUX]);

const REQUIREMENT = `the MGN agent installer needs ${INSTALLER_TOOLS.join(' ')} (else a reachable repository), `
  + `${LIBELF_DEVEL} on Rocky, RHEL, CentOS and Oracle Linux 8.x, and lvm2 ${MIN_LVM2} or later on RHEL and Oracle Linux 9.0-9.4 with LVM`;

/** A distribution release as `major.minor`; minor undefined when the version gives only the major. */
interface Release {
  readonly major: number;
  readonly minor?: number;
}

/** Reads `8.6`, `9`, `8.10 (Green Obsidian)` as major and minor; undefined when it does not start with a number. */
function parseRelease(text: string | undefined): Release | undefined {
  const match = text == null ? null : /^\s*(\d+)(?:\.(\d+))?/.exec(String(text));
  if (match === null) {
    return undefined;
  }
  return match[2] === undefined ? { major: Number(match[1]) } : { major: Number(match[1]), minor: Number(match[2]) };
}

/**
 * The Linux packages the agent installer relies on (an error rule with a warning band, agent-based
 * replication only). Error: Rocky Linux 8.x without `elfutils-libelf-devel`. Warnings: RHEL, CentOS and
 * Oracle Linux 8.x without it (decided); any of `make gcc perl tar gawk rpm` missing (the installer then
 * fetches it from a repository); RHEL and Oracle Linux 9.0-9.4 using LVM (`guest.lvm`) with `lvm2`
 * below 2.03.23-1.
 *
 * One finding at the highest severity that applies, its message listing every issue; unknown when a
 * needed fact (`guest.packages`, `os.version`, `os.name`, `guest.lvm`) is missing and nothing fails;
 * n/a for agentless VMs and off Linux.
 */
export function linuxPackages(ctx: VmContext): RuleResult {
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? familyGate(ctx.vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const { vm } = ctx;
  const packages = vm.guest?.packages;
  const list = new Checklist(Severity.ERROR);
  if (packages == null) {
    list.unknown(`the installed packages are not recorded (guest.packages): ${REQUIREMENT}`);
  } else {
    const missing = missingPackages(packages, INSTALLER_TOOLS);
    if (missing.length > 0) {
      const [verb, them] = missing.length === 1 ? ['is', 'it'] : ['are', 'them'];
      list.fail(`${missing.join(', ')} ${verb} not installed (guest.packages): the installer then installs ${them} from the `
        + `distribution's repositories, which must be reachable; or install ${them} first`, Severity.WARNING);
    }
  }
  judgeDistribution(vm, packages, list);
  return list.result();
}

/** The distribution-specific parts: elfutils-libelf-devel on 8.x, lvm2 on 9.0-9.4. */
function judgeDistribution(vm: Vm, packages: PackageMap | undefined, list: Checklist): void {
  const name = osName(vm.os);
  if (name === undefined) {
    list.unknown(`the distribution is not recorded (os.name): ${LIBELF_DEVEL} is needed on Rocky, RHEL, CentOS and Oracle Linux 8.x, `
      + `lvm2 ${MIN_LVM2} or later on RHEL and Oracle Linux 9.0-9.4 with LVM`);
    return;
  }
  if (!LIBELF_8.has(name) && !LVM2_9.has(name)) {
    return;
  }
  const release = parseRelease(vm.os?.version);
  if (release === undefined) {
    list.unknown(`the release of ${describeOs(vm.os)} is not recorded as a number (os.version): `
      + `8.x needs ${LIBELF_DEVEL}${LVM2_9.has(name) ? `, 9.0-9.4 with LVM needs lvm2 ${MIN_LVM2} or later` : ''}`);
    return;
  }
  if (release.major === 8 && LIBELF_8.has(name) && packages !== undefined && installedVersion(packages, LIBELF_DEVEL) === undefined) {
    const rocky = name === OsName.ROCKY;
    list.fail(`${describeOs(vm.os)} lacks ${LIBELF_DEVEL} (guest.packages): `
      + (rocky ? 'the installer cannot build the agent\'s driver without it; install it' : 'install it before the agent'),
    rocky ? Severity.ERROR : Severity.WARNING);
  }
  if (release.major === 9 && LVM2_9.has(name)) {
    judgeLvm2(vm, release, packages, list);
  }
}

/** lvm2 on RHEL and Oracle Linux 9.0-9.4 with LVM. */
function judgeLvm2(vm: Vm, release: Release, packages: PackageMap | undefined, list: Checklist): void {
  const needed = `on 9.0-9.4 with LVM, lvm2 must be ${MIN_LVM2} or later`;
  if (release.minor === undefined) {
    list.unknown(`${describeOs(vm.os)} does not say which 9.x (os.version): ${needed}`);
    return;
  }
  if (release.minor > 4) {
    return;
  }
  const lvm = vm.guest?.lvm;
  if (lvm == null) {
    list.unknown(`whether ${describeOs(vm.os)} uses LVM is not recorded (guest.lvm): ${needed}`);
    return;
  }
  if (lvm !== true || packages === undefined) {
    // Without the package map, the unknown of guest.packages already says what is needed.
    return;
  }
  const version = installedVersion(packages, 'lvm2');
  if (version === undefined) {
    list.fail(`${describeOs(vm.os)} uses LVM (guest.lvm: true) but lvm2 is not recorded as installed (guest.packages): `
      + `install lvm2 ${MIN_LVM2} or later`, Severity.WARNING);
    return;
  }
  const order = comparePackageVersions(version, MIN_LVM2);
  if (order === undefined) {
    list.unknown(`lvm2 version ${version === '' ? '(empty)' : version} is not a version number (guest.packages.lvm2): ${needed}`);
  } else if (order < 0) {
    list.fail(`${describeOs(vm.os)} uses LVM (guest.lvm: true) with lvm2 ${version} (guest.packages.lvm2): `
      + `update lvm2 to ${MIN_LVM2} or later`, Severity.WARNING);
  }
}
