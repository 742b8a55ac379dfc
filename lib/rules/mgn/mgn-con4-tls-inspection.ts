import { fail, NetworkContext, pass, RuleResult, unknown } from '../../assessment/rule';

const REQUIREMENT = 'MGN\'s agents and replication servers need their TLS connections to MGN end to end, without interception';

/**
 * No TLS interception on the way to MGN (`mgn.network.tlsInspection: false`): an intercepting proxy
 * or firewall breaks the connections of the agents, vCenter Clients and replication servers.
 *
 * Fails when true, unknown when not recorded.
 */
export function tlsInspection({ plan }: NetworkContext): RuleResult {
  const inspected = plan.mgn?.network?.tlsInspection;
  if (inspected == null) {
    return unknown(`whether TLS is intercepted on the way to MGN is not recorded (mgn.network.tlsInspection; false passes): ${REQUIREMENT}`);
  }
  if (inspected === true) {
    return fail(`mgn.network.tlsInspection is true: ${REQUIREMENT}; exempt the mgn, s3 and ec2 endpoints and set it to false`);
  }
  return pass();
}
