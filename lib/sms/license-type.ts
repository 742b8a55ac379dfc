import { LicenseChoice } from '../plan/model/plan';

/**
 * The license the AMIs of a replication job use.
 *
 * `AUTO` leaves the choice to SMS, which picks from the operating system: an AWS license for
 * Windows Server, and the license the VM already has (BYOL) for Linux and Windows client systems.
 * A choice the operating system does not allow (an AWS license for Linux) makes the job fail.
 *
 * @see https://docs.aws.amazon.com/server-migration-service/latest/APIReference/API_CreateReplicationJob.html
 */
export class LicenseType {
  /**
   * Let SMS choose from the operating system; `licenseType` is left out of the SMS call.
   */
  public static readonly AUTO = new LicenseType('AUTO', LicenseChoice.AUTO);

  /**
   * An AWS-provided license (Windows Server only).
   */
  public static readonly AWS = new LicenseType('AWS', LicenseChoice.AWS);

  /**
   * Bring your own license: the VM keeps the license it has.
   */
  public static readonly BYOL = new LicenseType('BYOL', LicenseChoice.BYOL);

  /**
   * The license type a plan's `replication.licenseType` asks for.
   *
   * @param choice the plan's choice: auto, aws or byol
   */
  public static fromChoice(choice: LicenseChoice): LicenseType {
    const type = [LicenseType.AUTO, LicenseType.AWS, LicenseType.BYOL].find((t) => t.choice === choice);
    if (type === undefined) {
      throw new Error(`licenseType ${String(choice)} is not a license choice: use auto, aws or byol`);
    }
    return type;
  }

  /**
   * The choice: `AUTO`, or the SMS `licenseType` value, `AWS` or `BYOL`.
   */
  public readonly name: string;

  /**
   * The same choice in the plan's words (`auto`, `aws`, `byol`), as the rules judge it.
   */
  public readonly choice: LicenseChoice;

  private constructor(name: string, choice: LicenseChoice) {
    this.name = name;
    this.choice = choice;
  }

  /** The choice's name, as it is written in code. */
  public toString(): string {
    return `LicenseType.${this.name}`;
  }
}
