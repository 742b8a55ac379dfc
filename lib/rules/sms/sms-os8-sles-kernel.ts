import { osName, OsName } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { compareVersions } from '../../private/version';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isVagueName, slesVersion, unknownLinuxName } from './facts/os';

/** A SLES release and service pack with the kernels SMS validated for it. */
interface ValidatedKernels {
  /** How people write the release: `11 SP3`. */
  readonly release: string;
  readonly kernels: readonly string[];
}

/** The validated kernels of each supported SLES version, as the requirements list them. */
const SLES_KERNELS: readonly ValidatedKernels[] = [
  { release: '11 SP1', kernels: ['2.6.32.12-0.7'] },
  { release: '11 SP2', kernels: ['3.0.13-0.27'] },
  { release: '11 SP3', kernels: ['3.0.76-0.11', '3.0.101-0.8', '3.0.101-0.15'] },
  { release: '11 SP4', kernels: ['3.0.101-63'] },
  { release: '12', kernels: ['3.12.28-4'] },
  { release: '12 SP1', kernels: ['3.12.49-11'] },
];

/** `a, b or c` for a message. */
function either(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The flavour suffixes a SLES kernel release may end with, ignored when comparing. */
const FLAVOUR = /-(?:default|xen|pae)$/i;

/** A kernel release written without its package release: the base version alone (`3.0.101`). */
const BASE_ONLY = /^\d+(?:\.\d+)*$/;

/** The base version (`3.0.101`) of a kernel release (`3.0.101-63`). */
function baseOf(kernel: string): string {
  return kernel.split('-')[0];
}

/**
 * SLES runs the kernel SMS validated for its release and service pack.
 *
 * The kernel release must be one of the validated ones, character for character once a flavour
 * suffix (`-default`, `-xen`, `-pae`) is set aside: any other kernel fails, a vendor or rebuilt one
 * whose release holds letters (`3.0.101-acme.2-default`) included, and so does text that is no kernel
 * release at all. Unknown only when `os.kernel` is missing, or written without its package release
 * (`3.0.101`) while that base is a validated one; and when `os.version` is missing (the validated
 * kernel depends on it). n/a for anything but SLES, and for a SLES version without validated kernels
 * (SMS-OS2 fails it).
 */
export function slesKernel({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const gate = familyGate(vm, OsFamily.LINUX, 'SLES must run the kernel SMS validated for its service pack');
  if (gate) {
    return gate;
  }
  const name = osName(os);
  if (name === undefined || isVagueName(name)) {
    return unknownLinuxName(os, 'SLES must run the kernel SMS validated for its service pack');
  }
  if (name !== OsName.SLES) {
    return notApplicable();
  }
  const version = slesVersion(os?.version);
  if (version === undefined) {
    return unknown('the SLES version is not recorded (os.version): the validated kernel depends on the release and service pack');
  }
  const entry = SLES_KERNELS.find((e) => compareVersions(slesVersion(e.release)!, version) === 0);
  if (entry === undefined) {
    return notApplicable();
  }
  const label = `SLES ${entry.release}`;
  const raw = os?.kernel;
  const text = raw == null ? '' : String(raw).trim();
  if (text === '') {
    return unknown(`the kernel of ${label} is not recorded (os.kernel) (validated: ${either(entry.kernels)})`);
  }
  const release = text.replace(FLAVOUR, '');
  if (entry.kernels.includes(release)) {
    return pass();
  }
  if (BASE_ONLY.test(release) && entry.kernels.some((k) => baseOf(k) === release)) {
    return unknown(`${label} kernel ${text} does not give its package release, which decides whether it is validated: `
      + `os.kernel needs the full release (validated: ${either(entry.kernels)})`);
  }
  return fail(`${label} kernel ${text} is not validated (validated: ${either(entry.kernels)})`);
}
