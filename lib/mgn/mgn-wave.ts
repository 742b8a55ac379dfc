import { CustomResource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Data, Props, ResourceTypes } from './handler/api';
import { mgnServiceToken } from './mgn-provider';

/** Properties of an `MgnWave`. */
export interface MgnWaveProps {
  /** The wave's name in MGN: 1 to 256 characters, no blanks at either end. */
  readonly waveName: string;

  /** The names of the wave's applications (each VM's `application`, else its wave's name, else `default`). */
  readonly applications: string[];

  /**
   * The wave's description.
   *
   * @default - none
   */
  readonly description?: string;
}

/**
 * An MGN wave with its applications (`Custom::MgnWave`), kept in step with the plan: the wave and each
 * application found by name (case-insensitive, not archived) or created, the applications associated
 * with the wave, and those it associated before and no longer lists disassociated. Source servers join
 * their application through their own resource (`MgnSourceServer`).
 *
 * @example
 * new MgnWave(this, 'Wave', { waveName: 'wave-1', applications: ['web', 'app'] });
 */
export class MgnWave extends Construct {
  /**
   * The wave's id, such as `wave-0123456789abcdef0`.
   *
   * @attribute
   */
  public readonly waveId: string;

  /** The custom resource. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: MgnWaveProps) {
    super(scope, id);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: mgnServiceToken(this),
      resourceType: ResourceTypes.WAVE,
      properties: {
        [Props.DISPLAY_NAME]: props.waveName,
        [Props.WAVE_NAME]: props.waveName,
        ...(props.description !== undefined ? { [Props.DESCRIPTION]: props.description } : {}),
        [Props.APPLICATIONS]: [...props.applications],
      },
    });
    this.waveId = this.resource.getAttString(Data.WAVE_ID);
  }
}
