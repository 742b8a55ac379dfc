import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** The VPC's private subnets with egress, else its isolated ones: where a staging area takes its subnet. */
export function privateSubnets(vpc: ec2.IVpc): ec2.ISubnet[] {
  return vpc.privateSubnets.length > 0 ? vpc.privateSubnets : vpc.isolatedSubnets;
}

/**
 * The staging subnet that `MgnStagingArea` takes in `vpc` when it is given no `stagingSubnetId`: the
 * first of `privateSubnets(vpc)`. A `Migration` whose wave stacks are defined without the account stack
 * writes the same subnet into its source servers' settings.
 */
export function stagingSubnetOf(vpc: ec2.IVpc): string | undefined {
  return privateSubnets(vpc)[0]?.subnetId;
}
