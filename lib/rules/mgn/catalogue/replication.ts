import { Rule } from '../../../assessment/rule-pack';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const REPLICATION_RULES: readonly Rule[] = [];
