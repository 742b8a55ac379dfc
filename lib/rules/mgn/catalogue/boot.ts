import { Rule } from '../../../assessment/rule-pack';

/** The MGN rules of this section, in MGN-RULES.md order. */
export const BOOT_RULES: readonly Rule[] = [];
