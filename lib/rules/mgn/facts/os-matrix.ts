/**
 * MGN's operating-system matrix (MGN-RULES.md, "Operating system"): the distributions and versions
 * MGN supports, with their retirement dates. Library data as read on MATRIX_DATE; reports print it.
 * To be completed with the OS rules.
 */

/** The day the matrix was read, `YYYY-MM-DD`. */
export const MATRIX_DATE = '2026-12-04';
