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
  public static readonly AUTO = new LicenseType('AUTO');

  /**
   * An AWS-provided license (Windows Server only).
   */
  public static readonly AWS = new LicenseType('AWS');

  /**
   * Bring your own license: the VM keeps the license it has.
   */
  public static readonly BYOL = new LicenseType('BYOL');

  /**
   * The choice: `AUTO`, or the SMS `licenseType` value, `AWS` or `BYOL`.
   */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /** The choice's name, as it is written in code. */
  public toString(): string {
    return `LicenseType.${this.name}`;
  }
}
