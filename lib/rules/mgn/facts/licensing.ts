import { osFamily, osName, OsName } from '../../../plan/model/os';
import { LicenseChoice, OsFacts, OsFamily, ResolvedLicense, Tenancy } from '../../../plan/model/plan';

/** Which column of MGN-RULES.md's licensing table an OS falls in. */
export enum LicenseClass {
  WINDOWS_SERVER = 'windows-server',
  WINDOWS_CLIENT = 'windows-client',
  LINUX = 'linux',
}

/** How MGN licenses and places a VM: MGN-RULES.md, "Licensing". */
export interface MgnLicensing {
  readonly licenseClass: LicenseClass;
  /** MGN's `osByol`: true brings the license, false is license included. */
  readonly osByol: boolean;
  /** The tenancy the launch uses: `launch.tenancy` when written, else the table's. */
  readonly tenancy: Tenancy;
  /** The table's tenancy, before `launch.tenancy` overrides it. */
  readonly tableTenancy: Tenancy;
}

/**
 * The license class of an OS: Windows not named `windows-client` licenses as a server; undefined for
 * family `other` (licensing rules are n/a) or when the family cannot be told.
 */
export function licenseClass(os: OsFacts | undefined): LicenseClass | undefined {
  const family = osFamily(os);
  if (family === OsFamily.WINDOWS) {
    return osName(os) === OsName.WINDOWS_CLIENT ? LicenseClass.WINDOWS_CLIENT : LicenseClass.WINDOWS_SERVER;
  }
  return family === OsFamily.LINUX ? LicenseClass.LINUX : undefined;
}

/**
 * Resolves the plan's `licenseType` for MGN: `osByol` and tenancy by the table, `launch.tenancy`
 * overriding the tenancy. Undefined when the OS family cannot be told or is `other`.
 */
export function resolveMgnLicensing(os: OsFacts | undefined, choice: LicenseChoice, tenancy: Tenancy | undefined): MgnLicensing | undefined {
  const cls = licenseClass(os);
  if (cls === undefined) {
    return undefined;
  }
  let osByol: boolean;
  let table: Tenancy;
  if (cls === LicenseClass.WINDOWS_SERVER) {
    osByol = choice === LicenseChoice.BYOL;
    table = osByol ? Tenancy.HOST : Tenancy.DEFAULT;
  } else if (cls === LicenseClass.WINDOWS_CLIENT) {
    // Desktop editions are BYOL only; `aws` fails MGN-LIC2 and the copy would still be BYOL.
    osByol = true;
    table = Tenancy.HOST;
  } else {
    // Linux is carried as it is: always BYOL (`aws` fails MGN-LIC1).
    osByol = true;
    table = Tenancy.DEFAULT;
  }
  return { licenseClass: cls, osByol, tenancy: tenancy ?? table, tableTenancy: table };
}

/** The report's `license`: `aws` (license included) or `byol`. */
export function reportedLicense(licensing: MgnLicensing | undefined): ResolvedLicense | undefined {
  if (licensing === undefined) {
    return undefined;
  }
  return licensing.osByol ? ResolvedLicense.BYOL : ResolvedLicense.AWS;
}
