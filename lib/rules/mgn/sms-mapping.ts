/**
 * How SMS's rules map onto MGN's (MGN-RULES.md, "SMS rules under MGN"): for each SMS rule, the MGN
 * rules that judge the same concern (none where MGN has no such limit), and whether an SMS
 * acknowledgement carries over (the same concern under the same or a narrower condition). The carry
 * table the engine applies and `assess --compare` both read it.
 */
export interface SmsToMgn {
  /** The SMS rules of the row. */
  readonly sms: readonly string[];
  /** Their MGN counterparts; empty where MGN has no such limit. */
  readonly mgn: readonly string[];
  /** Whether an acknowledgement of one of the SMS rules covers the MGN rules' findings. */
  readonly carries: boolean;
  /** Why, in a few words. */
  readonly why: string;
}

/** Every row of the table, in its order. */
export const SMS_TO_MGN: readonly SmsToMgn[] = [
  { sms: ['SMS-OS1', 'SMS-OS2'], mgn: ['MGN-OS1', 'MGN-OS2', 'MGN-OS3'], carries: false, why: 'wider, dated list' },
  { sms: ['SMS-OS3'], mgn: ['MGN-OS4'], carries: false, why: 'all 64-bit' },
  { sms: ['SMS-OS4', 'SMS-OS5', 'SMS-OS7', 'SMS-OS10'], mgn: [], carries: false, why: 'no edition, service-pack or language limit' },
  { sms: ['SMS-OS6'], mgn: ['MGN-OS6'], carries: false, why: 'now an acknowledgeable error' },
  { sms: ['SMS-OS8'], mgn: ['MGN-OS5'], carries: false, why: 'generic kernel limits' },
  { sms: ['SMS-OS9'], mgn: [], carries: false, why: 'PREP2 judges any kernel by its headers' },
  { sms: ['SMS-BOOT1'], mgn: ['MGN-BOOT1'], carries: false, why: 'same, hard' },
  { sms: ['SMS-BOOT2'], mgn: [], carries: false, why: 'UEFI and GPT boot supported (see BOOT3)' },
  { sms: ['SMS-BOOT3', 'SMS-DISK2'], mgn: ['MGN-DISK1'], carries: false, why: '16 TiB per disk' },
  { sms: ['SMS-BOOT4'], mgn: ['MGN-BOOT4'], carries: false, why: 'spanning disks, not MBR placement' },
  { sms: ['SMS-FS1', 'SMS-FS2', 'SMS-FS3'], mgn: [], carries: false, why: 'block-level copy, no file-system list (decided)' },
  { sms: ['SMS-DISK1'], mgn: [], carries: false, why: 'no disk-count limit' },
  { sms: ['SMS-DISK3', 'SMS-DISK5'], mgn: ['MGN-AGL5'], carries: false, why: 'agents read any block device; AGL5 for agentless' },
  { sms: ['SMS-DISK4', 'SMS-DISK6'], mgn: [], carries: false, why: 'snapshot shipping reads SEsparse and vSAN (decided)' },
  { sms: ['SMS-DISK7'], mgn: ['MGN-AGL4'], carries: true, why: 'same statement' },
  { sms: ['SMS-FREE1', 'SMS-FREE2'], mgn: ['MGN-FREE1', 'MGN-FREE2', 'MGN-FREE3', 'MGN-FREE4'], carries: false, why: 'new thresholds' },
  { sms: ['SMS-HV1', 'SMS-HV2', 'SMS-HV3', 'SMS-HV4', 'SMS-HV5'], mgn: [], carries: false, why: 'agents are hypervisor-neutral; physical sources allowed' },
  { sms: ['SMS-HV6'], mgn: ['MGN-PREP11'], carries: false, why: 'new, hard' },
  { sms: ['SMS-PREP1'], mgn: ['MGN-PREP14'], carries: true, why: '' },
  { sms: ['SMS-PREP2', 'SMS-PREP8'], mgn: [], carries: false, why: 'not MGN requirements' },
  { sms: ['SMS-PREP3', 'SMS-PREP4', 'SMS-PREP5', 'SMS-PREP6'], mgn: ['MGN-PREP15'], carries: true, why: '' },
  { sms: ['SMS-PREP7'], mgn: ['MGN-PREP6'], carries: false, why: 'now a prerequisite' },
  { sms: ['SMS-PREP9', 'SMS-PREP10'], mgn: ['MGN-PREP7'], carries: false, why: 'all updates, not named hotfixes' },
  { sms: ['SMS-PREP11'], mgn: ['MGN-PREP16'], carries: true, why: '' },
  { sms: ['SMS-PREP12'], mgn: ['MGN-PREP17'], carries: true, why: '' },
  { sms: ['SMS-PREP13', 'SMS-NET3'], mgn: ['MGN-NET2'], carries: false, why: 'info' },
  { sms: ['SMS-NET1'], mgn: ['MGN-NET1'], carries: true, why: 'narrower (more than two)' },
  { sms: ['SMS-NET2'], mgn: ['MGN-NET4'], carries: true, why: '' },
  { sms: ['SMS-NET4'], mgn: ['MGN-NET5'], carries: false, why: 'info' },
  { sms: ['SMS-NET5'], mgn: ['MGN-REP5'], carries: false, why: 'drivers are injected' },
  { sms: ['SMS-LIC1'], mgn: ['MGN-LIC1'], carries: false, why: 'was hard, now acknowledgeable' },
  { sms: ['SMS-LIC2', 'SMS-LIC3'], mgn: ['MGN-LIC2', 'MGN-LIC3'], carries: false, why: 'hard; info' },
  { sms: ['SMS-LIC4', 'SMS-LIC5', 'SMS-LIC6'], mgn: ['MGN-LIC4', 'MGN-LIC5', 'MGN-LIC6'], carries: true, why: 'same attestations' },
  { sms: ['SMS-JOB1'], mgn: ['MGN-REP1', 'MGN-REP5'], carries: false, why: 'new settings' },
  { sms: ['SMS-JOB2'], mgn: [], carries: false, why: 'MGN encrypts with a KMS key (REP2)' },
  { sms: ['SMS-JOB3'], mgn: ['MGN-REP3'], carries: false, why: 'hard' },
  { sms: ['SMS-JOB4'], mgn: ['MGN-QUOTA1'], carries: false, why: 'another service\'s quota' },
  { sms: ['SMS-JOB5'], mgn: ['MGN-AGL6'], carries: false, why: 'info' },
  { sms: ['SMS-CON1'], mgn: ['MGN-AGL2'], carries: false, why: 'other versions' },
  { sms: ['SMS-CON2', 'SMS-CON3', 'SMS-CON4', 'SMS-CON5'], mgn: [], carries: false, why: 'no ESXi, client sizing or Hyper-V host rule (decided)' },
  { sms: ['SMS-CON6'], mgn: ['MGN-CON1', 'MGN-CON2', 'MGN-CON3'], carries: false, why: 'other endpoints and ports' }];

/**
 * The MGN rules an SMS rule of a row maps to: a row of as many SMS as MGN rules pairs them in order
 * (LIC4, LIC5, LIC6 to LIC4, LIC5, LIC6); any other row maps each SMS rule to all of its MGN rules.
 */
function rowCounterparts(row: SmsToMgn, smsRule: string): readonly string[] {
  const index = row.sms.indexOf(smsRule);
  if (index === -1) {
    return [];
  }
  return row.sms.length > 1 && row.sms.length === row.mgn.length ? [row.mgn[index]] : row.mgn;
}

/** For an SMS rule, its MGN counterparts (empty when MGN has none). */
export function mgnCounterparts(smsRule: string): readonly string[] {
  const row = SMS_TO_MGN.find((r) => r.sms.includes(smsRule));
  return row === undefined ? [] : rowCounterparts(row, smsRule);
}

/**
 * For an MGN rule, the SMS rules whose acknowledgement covers its findings: the rows that carry. Every
 * other SMS acknowledgement is reported as not carried.
 */
export const CARRIED_FROM_SMS: ReadonlyMap<string, readonly string[]> = (() => {
  const carried = new Map<string, string[]>();
  for (const row of SMS_TO_MGN.filter((r) => r.carries)) {
    for (const sms of row.sms) {
      for (const mgn of rowCounterparts(row, sms)) {
        carried.set(mgn, [...(carried.get(mgn) ?? []), sms]);
      }
    }
  }
  return carried;
})();
