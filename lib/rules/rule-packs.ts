import { IRulePack } from '../assessment/rule-pack';
import { shippedRulePacks } from './packs';

/**
 * The rule packs this library ships, one per plan target, in catalogue order: every pack, loaded. The
 * library itself loads a pack only when it needs it (`rulePackFor`), so it does not read this list.
 */
export const RULE_PACKS: readonly IRulePack[] = Object.freeze(shippedRulePacks());
