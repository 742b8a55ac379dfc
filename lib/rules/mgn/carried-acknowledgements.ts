/**
 * The SMS acknowledgements that count under MGN (MGN-RULES.md, "SMS rules under MGN", the rows that
 * say yes: the same concern, under the same or a narrower condition). For an MGN rule, the SMS rules
 * whose acknowledgement covers its findings; every other SMS acknowledgement is reported as not
 * carried.
 */
export const CARRIED_FROM_SMS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['MGN-AGL4', ['SMS-DISK7']],
  ['MGN-PREP14', ['SMS-PREP1']],
  ['MGN-PREP15', ['SMS-PREP3', 'SMS-PREP4', 'SMS-PREP5', 'SMS-PREP6']],
  ['MGN-PREP16', ['SMS-PREP11']],
  ['MGN-PREP17', ['SMS-PREP12']],
  ['MGN-NET1', ['SMS-NET1']],
  ['MGN-NET4', ['SMS-NET2']],
  ['MGN-LIC4', ['SMS-LIC4']],
  ['MGN-LIC5', ['SMS-LIC5']],
  ['MGN-LIC6', ['SMS-LIC6']],
]);
