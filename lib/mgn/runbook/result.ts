import { ServerProgress } from './context';

/** What one run of a step found and did. */
export interface StepResult {
  /** The step (RunbookSteps). */
  readonly step: string;
  /** The wave's name in MGN. */
  readonly waveName: string;
  /** True when the step has nothing left to wait for. */
  readonly complete: boolean;
  /** Each server, sorted by VM name. */
  readonly servers: readonly ServerProgress[];
  /** One line: `wave "wave-1": 4 servers, 3 launched, 1 in a job`. */
  readonly summary: string;
}

/** `3 launched, 1 in a job` from the servers' outcomes, in the order they first appear. */
export function countOutcomes(servers: readonly ServerProgress[]): string {
  const counts = new Map<string, number>();
  for (const s of servers) {
    const key = s.outcome.replace(/ in mgnjob-\w+$/, '');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
}

/** `wave "wave-1": 4 servers: 3 launched, 1 launching` */
export function summaryOf(waveName: string, servers: readonly ServerProgress[], tail = ''): string {
  const head = `wave "${waveName}": ${servers.length} server${servers.length === 1 ? '' : 's'}`;
  return `${head}${servers.length > 0 ? `: ${countOutcomes(servers)}` : ''}${tail}`;
}

/** Up to `max` names, then `and n more`. */
export function someNames(names: readonly string[], max = 5): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
