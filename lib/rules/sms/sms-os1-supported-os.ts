import { describeOs, isSupportedLinux, osName, OsName, windowsRelease } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isSupportedWindows, isVagueName, isWindowsName, listReleases, supportedReleases, WINDOWS_CLIENT_RELEASES, WINDOWS_SERVER_RELEASES } from './facts/os';

/** Everything SMS supports, for fail messages. */
const SUPPORTED = `Windows Server ${listReleases(WINDOWS_SERVER_RELEASES)}; Windows ${listReleases(WINDOWS_CLIENT_RELEASES)}; `
  + 'Ubuntu, RHEL, SLES, CentOS, Debian, Oracle Linux, Fedora Server';

/**
 * The OS is one SMS supports: a listed Windows Server or Windows client release, or one of the listed
 * Linux distributions (their versions are SMS-OS2's).
 *
 * Unknown when `os.name` is missing, when a Windows name has no `os.version`, when the name is vague
 * (`windows`, `Windows Server 2016` as a name, `linux`: failing it would reject a supported OS that was
 * merely written loosely, and a hard failure cannot be acknowledged), or when `os.family` contradicts
 * the name. Any other name fails, and so does family `other` without a name.
 */
export function supportedOs({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const name = osName(os);
  const family = os?.family;
  if (name === undefined) {
    if (family === OsFamily.OTHER) {
      return fail(`os.family other is not supported (supported: ${SUPPORTED})`);
    }
    return unknown(`the OS is not named (os.name) (supported: ${SUPPORTED})`);
  }
  if (isWindowsName(name) || isSupportedLinux(name)) {
    const implied = isWindowsName(name) ? OsFamily.WINDOWS : OsFamily.LINUX;
    if (family !== undefined && family !== implied) {
      return unknown(`os.family ${family} contradicts os.name ${os!.name}, which is ${implied}: correct one of them`);
    }
  }
  if (isSupportedLinux(name)) {
    return pass();
  }
  if (isWindowsName(name)) {
    const release = windowsRelease(os);
    const releases = listReleases(supportedReleases(name));
    const label = name === OsName.WINDOWS_SERVER ? 'Windows Server' : 'Windows';
    if (release === undefined) {
      return unknown(`the ${label} release is not recorded (os.version) (supported: ${label} ${releases})`);
    }
    if (isSupportedWindows(name, release)) {
      return pass();
    }
    return fail(`${describeOs(os)} is not supported (supported: ${SUPPORTED})`);
  }
  if (isVagueName(name)) {
    return unknown(`os.name ${os!.name} does not say which OS it is: write windows-server or windows-client with the release `
      + `in os.version, or the Linux distribution (supported: ${SUPPORTED})`);
  }
  return fail(`${describeOs(os)} is not supported (supported: ${SUPPORTED})`);
}
