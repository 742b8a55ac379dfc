import { LoadedPlan } from '../plan';
import { DesiredServerOf } from './status-report';

/**
 * What the plan wants of each VM's source server, for `cdk-sms status` to compare with MGN.
 *
 * The plan-to-settings mapping is `desiredServerFor` of `lib/mgn/server-settings.ts` (the constructs'
 * own, so that status compares with what a deploy applies). Until that module is part of this branch,
 * no VM's settings are compared: the status says `not-compared` for each.
 */
export function desiredServerOfPlan(_loaded: LoadedPlan, _region: string): DesiredServerOf {
  return () => undefined;
}
