import { CustomResource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Props, ResourceTypes } from './handler/api';
import { mgnServiceToken } from './mgn-provider';

/**
 * AWS Application Migration Service initialized in the stack's account and Region
 * (`Custom::MgnInitialization`): `InitializeService`, which creates MGN's service-linked role and its
 * instance profiles. MGN's service roles must exist first (`MgnServiceRoles`): add a dependency on them.
 *
 * Deleting it never undoes the initialization: an account keeps MGN once initialized.
 *
 * @example
 * const roles = new MgnServiceRoles(this, 'ServiceRoles');
 * new MgnInitialization(this, 'Initialization').node.addDependency(roles);
 */
export class MgnInitialization extends Construct {
  /** The custom resource. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: mgnServiceToken(this),
      resourceType: ResourceTypes.INITIALIZATION,
      properties: { [Props.DISPLAY_NAME]: 'MGN initialization' },
    });
  }
}
