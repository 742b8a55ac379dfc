import { failsPolicy, verdictOf } from '../../lib/assessment/verdict';
import { Finding, FindingOutcome, UnknownPolicy, Verdict } from '../../lib/assessment/types';
import { Severity } from '../../lib/assessment/rule';

const f = (severity: Severity, outcome = FindingOutcome.FAIL, acknowledged = false): Finding =>
  ({ rule: 'SMS-X1', severity, outcome, message: 'm', acknowledged });

describe('verdictOf', () => {
  test('is ready with no findings, or only info ones', () => {
    expect(verdictOf([])).toBe(Verdict.READY);
    expect(verdictOf([f(Severity.INFO), f(Severity.INFO, FindingOutcome.UNKNOWN)])).toBe(Verdict.READY);
  });

  test('follows the precedence not-ready, unknown, ready-with-conditions, ready', () => {
    const error = f(Severity.ERROR);
    const unknown = f(Severity.WARNING, FindingOutcome.UNKNOWN);
    const warning = f(Severity.WARNING);
    expect(verdictOf([warning, unknown, error])).toBe(Verdict.NOT_READY);
    expect(verdictOf([warning, unknown])).toBe(Verdict.UNKNOWN);
    expect(verdictOf([warning])).toBe(Verdict.READY_WITH_CONDITIONS);
  });

  test('counts an acknowledged finding as a condition, whatever its severity', () => {
    expect(verdictOf([f(Severity.ERROR, FindingOutcome.FAIL, true)])).toBe(Verdict.READY_WITH_CONDITIONS);
    expect(verdictOf([f(Severity.WARNING, FindingOutcome.UNKNOWN, true)])).toBe(Verdict.READY_WITH_CONDITIONS);
    expect(verdictOf([f(Severity.INFO, FindingOutcome.FAIL, true)])).toBe(Verdict.READY);
  });

  test('makes an unknown reported as an error not-ready', () => {
    expect(verdictOf([f(Severity.ERROR, FindingOutcome.UNKNOWN)])).toBe(Verdict.NOT_READY);
  });
});

describe('failsPolicy', () => {
  const lenient = { unknown: UnknownPolicy.WARN, strict: false };
  const strict = { unknown: UnknownPolicy.WARN, strict: true };

  test('fails on an unacknowledged error only, unless strict', () => {
    expect(failsPolicy([f(Severity.ERROR)], lenient)).toBe(true);
    expect(failsPolicy([f(Severity.WARNING), f(Severity.WARNING, FindingOutcome.UNKNOWN)], lenient)).toBe(false);
    expect(failsPolicy([f(Severity.ERROR, FindingOutcome.FAIL, true)], lenient)).toBe(false);
  });

  test('under strict, fails on unacknowledged warnings and unknowns too, never on info', () => {
    expect(failsPolicy([f(Severity.WARNING)], strict)).toBe(true);
    expect(failsPolicy([f(Severity.WARNING, FindingOutcome.UNKNOWN)], strict)).toBe(true);
    expect(failsPolicy([f(Severity.WARNING, FindingOutcome.FAIL, true)], strict)).toBe(false);
    expect(failsPolicy([f(Severity.INFO)], strict)).toBe(false);
  });
});
