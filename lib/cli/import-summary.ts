import { formatImportIssue } from '../importers/types';
import { FieldChanges, MergeSummary } from '../importers/merge';

/** Names listed in full for the lists a person acts on; the others show this many, then a count. */
const SHOWN = 10;

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
    lines.push(`  changed (${summary.changed.length}):`, ...changes(summary.changed));
  }
  list('removed from the source, kept in the plan', summary.removedFromSource);
  list('unchanged', summary.unchanged, false);
  list('not covered by this import, left alone', summary.notCovered, false);
  list('connectors added', summary.connectorsAdded);
  if (summary.connectorsChanged.length > 0) {
    lines.push(`  connectors changed (${summary.connectorsChanged.length}):`, ...changes(summary.connectorsChanged));
  }
  if (summary.notes.length > 0) {
    lines.push(`  notes (${summary.notes.length}):`, ...summary.notes.map((n) => `    ${n}`));
  }
  if (summary.warnings.length > 0) {
    lines.push(`  warnings (${summary.warnings.length}):`, ...summary.warnings.map((w) => `    ${formatImportIssue(w)}`));
  }
  return `${lines.join('\n')}\n`;
}
