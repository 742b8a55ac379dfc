import { Rule } from '../../../assessment/rule-pack';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const NETWORK_RULES: readonly Rule[] = [];
