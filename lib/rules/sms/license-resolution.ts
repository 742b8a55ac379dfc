import { osFamily, osName, OsName } from '../../plan/model/os';
import { LicenseChoice, OsFacts, OsFamily, ResolvedLicense } from '../../plan/model/plan';

/**
 * The license a job will get.
 *
 * An explicit `aws` or `byol` is what the job asks for (the licensing rules judge whether SMS accepts
 * it). `auto` follows the OS: Windows server OSes get AWS licenses; Linux, Windows client OSes and
 * everything else get BYOL. An unsupported OS follows its family the same way. Returns undefined when
 * the OS facts cannot decide it (a Windows VM whose name is missing).
 */
export function resolveLicense(os: OsFacts | undefined, choice: LicenseChoice): ResolvedLicense | undefined {
  if (choice === LicenseChoice.AWS) {
    return ResolvedLicense.AWS;
  }
  if (choice === LicenseChoice.BYOL) {
    return ResolvedLicense.BYOL;
  }
  const name = osName(os);
  // An unsupported Windows server (a name such as `windows-server-2019`) still follows its family.
  const windowsServerName = name !== undefined && /server/.test(name)
    && (/windows/.test(name) || osFamily(os) === OsFamily.WINDOWS);
  if (name === OsName.WINDOWS_SERVER || windowsServerName) {
    return ResolvedLicense.AWS;
  }
  if (name !== undefined) {
    return ResolvedLicense.BYOL;
  }
  const family = osFamily(os);
  if (family === OsFamily.LINUX || family === OsFamily.OTHER) {
    return ResolvedLicense.BYOL;
  }
  return undefined;
}
