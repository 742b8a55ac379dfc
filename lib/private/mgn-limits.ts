/**
 * MGN's limits on launch jobs (mgn-api.md §9), read by the rule pack (MGN-QUOTA5) and by the cutover
 * runbook, which launches in jobs of this size. A leaf: it imports nothing.
 */

/** Source servers in one launch job (StartTest, StartCutover), and in all unfinished launch jobs together. */
export const MGN_SERVERS_PER_LAUNCH_JOB = 200;

/** Launch jobs running at once. */
export const MGN_LAUNCH_JOBS_AT_ONCE = 20;
