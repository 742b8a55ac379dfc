import { formatImportIssue } from '../importers/types';
import { FieldChanges, MergeSummary } from '../importers/merge';
import { appendAll } from '../private/arrays';
import { visibleControls } from '../private/visible-controls';

/** Names listed in full for the lists a person acts on; the others show this many, then a count. */
const SHOWN = 10;

/**
 * The warnings and notes printed, one a line; the rest are counted. An export of 200,000 disks that
 * belong to no VM warns 200,000 times, and a person reads the first page and fixes its cause.
 */
export const SHOWN_WARNINGS = 50;

/** The first SHOWN_WARNINGS items of a list, one a line, then how many more there are. */
function firstPage<T>(items: readonly T[], format: (item: T) => string): string[] {
  const shown = items.slice(0, SHOWN_WARNINGS).map((item) => `    ${format(item)}`);
  if (items.length > SHOWN_WARNINGS) {
    shown.push(`    ... and ${items.length - SHOWN_WARNINGS} more not shown`);
  }
  return shown;
}

function names(list: readonly string[], all: boolean): string {
  if (all || list.length <= SHOWN) {
    return list.join(', ');
  }
  return `${list.slice(0, SHOWN).join(', ')} and ${list.length - SHOWN} more`;
}

function changes(list: readonly FieldChanges[]): string[] {
  return list.map((c) => `    ${c.name}: ${c.fields.join(', ')}`);
}

/**
 * The summary of an import as `import` prints it on standard error: a headline, then each list that
 * is not empty, one per line: added, changed (with the fields), removed from the source, unchanged,
 * not covered, connectors, notes and the import's warnings.
 */
export function renderImportSummary(summary: MergeSummary, headline: string): string {
  const lines = [headline];
  const list = (label: string, items: readonly string[], all = true): void => {
    if (items.length > 0) {
      lines.push(`  ${label} (${items.length}): ${names(items, all)}`);
    }
  };
  list('added', summary.added);
  if (summary.changed.length > 0) {
    lines.push(`  changed (${summary.changed.length}):`);
    appendAll(lines, changes(summary.changed));
  }
  list('removed from the source, kept in the plan', summary.removedFromSource);
  list('unchanged', summary.unchanged, false);
  list('not covered by this import, left alone', summary.notCovered, false);
  list('connectors added', summary.connectorsAdded);
  if (summary.connectorsChanged.length > 0) {
    lines.push(`  connectors changed (${summary.connectorsChanged.length}):`);
    appendAll(lines, changes(summary.connectorsChanged));
  }
  if (summary.notes.length > 0) {
    lines.push(`  notes (${summary.notes.length}):`);
    appendAll(lines, firstPage(summary.notes, String));
  }
  if (summary.warnings.length > 0) {
    lines.push(`  warnings (${summary.warnings.length}):`);
    appendAll(lines, firstPage(summary.warnings, formatImportIssue));
  }
  // Names and values come from the export: their control characters must not reach the terminal raw.
  return `${lines.map(visibleControls).join('\n')}\n`;
}
