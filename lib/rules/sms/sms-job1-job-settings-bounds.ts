import { ReplicationType } from '../../plan/model/plan';
import { fail, pass, RuleResult, Severity, VmContext } from '../../assessment/rule';
import { DATE_TIME_EXAMPLE, parseDateTime } from '../../private/date-time';
import { SmsLimits } from '../../private/sms-limits';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The furthest ahead SMS lets a seed replication be scheduled. */
const {
  MIN_FREQUENCY_HOURS, MAX_FREQUENCY_HOURS, MIN_AMIS_TO_KEEP, MAX_AMIS_TO_KEEP, KEEP_EVERY_AMI, MAX_SEED_DAYS_AHEAD: MAX_SEED_DAYS,
} = SmsLimits;

/**
 * A count of days for messages, to two decimals, rounded up so that a time just past a limit never
 * reads as the limit itself: `45.5 days`, `30.01 days` for 30 days and a second, `1 day`.
 */
function days(ms: number): string {
  const count = Math.ceil(ms / DAY_MS * 100) / 100;
  return count === 1 ? '1 day' : `${count} days`;
}

/**
 * The job's effective settings are within the bounds SMS accepts.
 *
 * An interval job runs every 1 to 24 whole hours (a one-time job's frequency is not used); at most 270
 * recent AMIs are kept (0 keeps all); the seed replication starts at most 30 days after the assessment
 * (exactly 30 days passes) and its time is a valid ISO 8601 date-time. A seed time in the past is only
 * a warning: SMS starts the seed replication when the job is created. Every offending setting is listed,
 * and the finding takes the highest severity among them. Settings always have effective values (the
 * library's defaults pass), so the rule is never unknown.
 */
export function jobSettingsBounds({ replication, now }: VmContext): RuleResult {
  const errors: string[] = [];
  const warnings: string[] = [];

  const frequency = replication.frequencyHours;
  const wholeHours = Number.isInteger(frequency) && frequency >= MIN_FREQUENCY_HOURS && frequency <= MAX_FREQUENCY_HOURS;
  if (replication.type !== ReplicationType.ONE_TIME && !wholeHours) {
    errors.push(`replication.frequencyHours ${frequency} is not a whole number of hours from ${MIN_FREQUENCY_HOURS} to ${MAX_FREQUENCY_HOURS}`);
  }

  const amis = replication.amisToKeep;
  if (amis !== undefined && !(Number.isInteger(amis) && amis >= MIN_AMIS_TO_KEEP && amis <= MAX_AMIS_TO_KEEP)) {
    errors.push(`replication.amisToKeep ${amis} is not a whole number from ${MIN_AMIS_TO_KEEP} to ${MAX_AMIS_TO_KEEP} (${KEEP_EVERY_AMI} keeps every AMI)`);
  }

  const seedTime = replication.seedTime;
  if (seedTime !== undefined) {
    const seed = parseDateTime(seedTime);
    if (seed === undefined) {
      errors.push(`replication.seedTime '${seedTime}' is not a valid ISO 8601 date-time (such as ${DATE_TIME_EXAMPLE})`);
    } else {
      const ahead = seed - now.getTime();
      if (ahead > MAX_SEED_DAYS * DAY_MS) {
        errors.push(`replication.seedTime ${seedTime} is ${days(ahead)} after ${now.toISOString()} `
          + `(at most ${MAX_SEED_DAYS} days ahead, up to ${new Date(now.getTime() + MAX_SEED_DAYS * DAY_MS).toISOString()})`);
      } else if (ahead < 0) {
        warnings.push(`replication.seedTime ${seedTime} is ${days(-ahead)} before ${now.toISOString()}: `
          + 'the seed replication starts when the job is created');
      }
    }
  }

  if (errors.length > 0) {
    return fail([...errors, ...warnings].join('; '));
  }
  if (warnings.length > 0) {
    return fail(warnings.join('; '), Severity.WARNING);
  }
  return pass();
}
