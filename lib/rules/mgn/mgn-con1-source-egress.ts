import { EgressRule, ReplicationMethod } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';
import { MgnVmContext } from './context';
import { judgeFirewallLists, sourceFirewallRules } from './facts/firewall';
import { methodGate } from './facts/method-gate';

const UNDECLARED_FIELD = 'mgn.network.sourceEgress (or the VM\'s mgn.egress)';

// Most VMs share the plan's sourceEgress: judge each list once, and share its frozen result (one finding for all).
const JUDGED = new WeakMap<readonly EgressRule[], Map<string, RuleResult>>();
let undeclared: RuleResult | undefined;

function judged(rules: readonly EgressRule[] | undefined, field: string): RuleResult {
  if (rules === undefined) {
    undeclared ??= Object.freeze(judgeFirewallLists({ egress: { field: UNDECLARED_FIELD } }, sourceFirewallRules()));
    return undeclared;
  }
  let byField = JUDGED.get(rules);
  if (byField === undefined) {
    byField = new Map();
    JUDGED.set(rules, byField);
  }
  let result = byField.get(field);
  if (result === undefined) {
    result = Object.freeze(judgeFirewallLists({ egress: { field, rules } }, sourceFirewallRules()));
    byField.set(field, result);
  }
  return result;
}

/**
 * [agent] The source server's outbound rules (the VM's `mgn.egress`, else `mgn.network.sourceEgress`)
 * allow tcp 443 to `mgn` and `s3`, and tcp 1500 to `staging`.
 *
 * Rules match as in SMS-CON6: `any` stands for every destination, and a rule without a port allows
 * every port of its protocol. Unknown when neither list is declared. n/a for agentless VMs (the
 * vCenter Client replicates them: MGN-CON3).
 */
export function sourceEgress(ctx: VmContext): RuleResult {
  const { mgn } = ctx as MgnVmContext;
  return methodGate(ctx as MgnVmContext, ReplicationMethod.AGENT) ?? judged(mgn.egress, mgn.egressField);
}
