import { AssessmentSummary, Verdict } from '../assessment/types';
import { pluralForm, summaryVerdicts, VERDICT_WORDS, VERDICTS } from './helpers';

/* The HTML report's summary tiles, its verdict filter and the words of its verdicts. */

/** A verdict as a badge, a filter and a column head say it: `Ready with conditions`. */
export function verdictLabel(verdict: Verdict): string {
  const words = VERDICT_WORDS[verdict];
  return `${words[0].toUpperCase()}${words.slice(1)}`;
}

/** The summary's tiles: the VMs, then each verdict's count and share. */
export function tiles(summary: AssessmentSummary): string {
  const pc = (n: number): string => (summary.vms > 0 ? ` <span class="pc">${Math.round(100 * n / summary.vms)}%</span>` : '');
  const counts = summaryVerdicts(summary);
  return `<ul class="tiles"><li class="tile" data-tile="vms"><b>${summary.vms}</b> ${pluralForm(summary.vms, 'VM')}</li>`
    + VERDICTS.map((v) => `<li class="tile v-${v}" data-tile="${v}"><b>${counts[v]}</b> ${VERDICT_WORDS[v]}${pc(counts[v])}</li>`).join('')
    + '</ul>\n';
}

/** The verdict radios and the search box; the radios precede `.controls` and `.plans` for the CSS filter. */
export function controls(total: AssessmentSummary): string {
  const counts = summaryVerdicts(total);
  const options = [{ id: 'all', label: 'All', n: total.vms }, ...VERDICTS.map((v) => ({ id: v as string, label: verdictLabel(v), n: counts[v] }))];
  return options.map((o) => `<input class="f" type="radio" name="verdict" id="f-${o.id}"${o.id === 'all' ? ' checked' : ''}>`).join('')
    + '\n<div class="controls"><span class="cl" id="filter-label">Show VMs</span>'
    + options.map((o) => `<label for="f-${o.id}">${o.label} <span class="dim">${o.n}</span></label>`).join('')
    + '<div class="search" id="search" hidden><label for="q">Find VM</label><input id="q" type="search" autocomplete="off" spellcheck="false">'
    + '<output id="q-status" for="q" aria-live="polite"></output></div></div>\n';
}
