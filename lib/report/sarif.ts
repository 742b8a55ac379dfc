import { createHash } from 'crypto';
import * as path from 'path';
import { Finding, PlanAssessment, Verdict } from '../assessment/types';
import { RuleInfo } from '../assessment/rule-info';
import { Severity } from '../assessment/rule';
import { RenderOptions, ReportSource, toolVersion, waveLabel } from './source';
import { refusedAcknowledgement, UNDECIDED_LICENSE } from './finding-text';
import { escapeJsonControls } from '../private/visible-controls';
import { catalogueOf, hardReason, isSmsAssessment, NETWORK_NAME, packsOf } from './target-text';

/** Where the SARIF 2.1.0 schema is published; SARIF viewers and validators read it from `$schema`. */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of the fingerprint that lets code scanning follow a finding from one run to the next. */
const FINGERPRINT = 'cdkSmsFinding/v1';

/** The base a relative plan path is resolved against: the directory the command ran in. */
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

/** A rule's position in driver.rules, which every result names as ruleIndex: one lookup per finding. */
type RuleIndex = ReadonlyMap<string, number>;

/**
 * Renders the assessments as a SARIF 2.1.0 log, for code-scanning tools (GitHub code scanning, the
 * VS Code SARIF viewer): one run, the whole rule catalogue as the driver's rules, one artifact per
 * plan file, and one result per finding of every VM and connector, located at that VM's or
 * connector's entry in the plan (the network's, MGN's staging area, at its logical location `network`). The
 * rules listed are those of the packs the plans were judged by, SMS's first.
 *
 * Every result has kind `fail`, an unknown too: SARIF's `review` kind would force the level to
 * `none`, and code-scanning tools hide or mute such results, while an unknown must always be
 * reported (and is an error under `--unknown error`). The result's `outcome` property tells an
 * unknown from a failure. Levels follow the finding's severity: `error`, `warning`, and `note` for
 * information about what SMS will change.
 *
 * An acknowledgement in the plan is a suppression with its reason as the justification. Its kind is
 * `inSource`: SARIF reserves `external` for suppressions kept outside the analysed artifact, and an
 * acknowledgement is written in the plan file itself. A refused acknowledgement (a hard rule's error)
 * suppresses nothing and the result's message says why.
 *
 * Output is indented JSON with a final newline; JSON.stringify escapes whatever text the plan holds.
 */
export function renderSarif(sources: readonly ReportSource[], options: RenderOptions = {}): string {
  const generatedAt = options.generatedAt ?? new Date();
  const version = toolVersion();
  const artifacts = sources.map((source) => ({ location: artifactLocation(source.file), roles: ['analysisTarget'] }));
  // The rules of every pack the plans were judged by, SMS's first as ever: an SMS log lists the SMS catalogue alone.
  const assessments = sources.map((source) => source.assessment);
  const packs = packsOf(assessments);
  // An organisation pack's rules follow, and the rules it changed are listed as they judged.
  const rules = catalogueOf(assessments);
  const ruleIndex: RuleIndex = new Map(rules.map((rule, index) => [rule.id, index] as const));
  const results: object[] = [];
  sources.forEach((source, index) => pushResults(results, source, index, ruleIndex));
  const services = packs.map((pack) => pack.service).join(' and ');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdk-sms',
          fullName: `cdk-sms-migration ${version}: ${services} readiness assessment`,
          version,
          ...(/^\d+\.\d+\.\d+(?:[-+].*)?$/.test(version) ? { semanticVersion: version } : {}),
          rules: rules.map(ruleDescriptor),
        },
      },
      invocations: [{ executionSuccessful: true, endTimeUtc: generatedAt.toISOString() }],
      originalUriBaseIds: {
        [SRCROOT]: { description: { text: 'The directory cdk-sms ran in: plan files named by a relative path are relative to it.' } },
      },
      artifacts,
      // Plan locations count columns in UTF-16 code units, as JavaScript strings do.
      columnKind: 'utf16CodeUnits',
      results,
      properties: { plans: sources.map((source) => planProperties(source.file, source.assessment)) },
    }],
  };
  return `${escapeJsonControls(JSON.stringify(log, null, 2))}\n`;
}

function ruleDescriptor(rule: RuleInfo): object {
  const hard = rule.hard ? `\n\nThis is a hard rule: ${hardReason(rule)}, so its failure cannot be acknowledged.` : '';
  return {
    id: rule.id,
    name: pascalCase(rule.title) || pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.explanation },
    help: {
      text: rule.remediation,
      markdown: `**What to do:** ${markdown(rule.remediation)}\n\n**Why:** ${markdown(rule.explanation)}${hard}`,
    },
    defaultConfiguration: { level: levelOf(rule.severity) },
    properties: {
      section: rule.section,
      hard: rule.hard,
      ...(rule.hardBy !== undefined ? { hardBy: rule.hardBy } : {}),
      tags: rule.hard ? [rule.subject, rule.section, 'hard'] : [rule.subject, rule.section],
    },
  };
}

/** Appends the results of one plan: its VMs' findings in plan order, then its connectors', then its network's. */
function pushResults(results: object[], source: ReportSource, artifactIndex: number, ruleIndex: RuleIndex): void {
  const artifact = { ...artifactLocation(source.file), index: artifactIndex };
  source.assessment.vms.forEach((vm, i) => {
    // assessment.vms keeps the plan's order, so the i-th VM is the plan's vms[i].
    const where = location(source, ['vms', i], artifact, { name: vm.name, kind: 'object', fullyQualifiedName: `vms/${vm.name}` });
    const details = vm.details !== undefined ? {
      ...(vm.details.evaluationDate !== undefined ? { evaluationDate: vm.details.evaluationDate } : {}),
      ...(vm.details.replicationMethod !== undefined ? { replicationMethod: vm.details.replicationMethod } : {}),
      tenancy: vm.details.tenancy ?? UNDECIDED_LICENSE,
    } : {};
    for (const finding of vm.findings) {
      results.push(result(finding, 'vm', vm.name, where, ruleIndex,
        { verdict: vm.verdict, wave: waveLabel(vm.vm.wave, vm.unscheduled), license: vm.license ?? UNDECIDED_LICENSE, ...details }));
    }
  });
  source.assessment.connectors.forEach((connector, j) => {
    const where = location(source, ['connectors', j], artifact,
      { name: connector.name, kind: 'object', fullyQualifiedName: `connectors/${connector.name}` });
    for (const finding of connector.findings) {
      results.push(result(finding, 'connector', connector.name, where, ruleIndex, { verdict: connector.verdict }));
    }
  });
  const network = source.assessment.network;
  if (network !== undefined) {
    // The network is the plan's mgn.network section, when the plan writes one; else the plan itself.
    const at = source.locate?.(['mgn', 'network']) !== undefined ? ['mgn', 'network'] : [];
    const where = location(source, at, artifact, { name: NETWORK_NAME, kind: 'object', fullyQualifiedName: NETWORK_NAME });
    for (const finding of network.findings) {
      results.push(result(finding, 'network', NETWORK_NAME, where, ruleIndex, { verdict: network.verdict }));
    }
  }
}

function location(source: ReportSource, at: readonly (string | number)[], artifact: object, logical: object): object {
  const position = source.locate?.(at);
  const region = position ? { region: { startLine: position.line, startColumn: position.column } } : {};
  return { physicalLocation: { artifactLocation: artifact, ...region }, logicalLocations: [logical] };
}

function result(finding: Finding, subject: 'vm' | 'connector' | 'network', name: string, where: object, ruleIndexes: RuleIndex,
  properties: { verdict: Verdict; wave?: string; license?: string; evaluationDate?: string; replicationMethod?: string; tenancy?: string }): object {
  const refusal = refusedAcknowledgement(finding);
  const refused = refusal !== undefined ? ` (${refusal})` : '';
  const ruleIndex = ruleIndexes.get(finding.rule);
  const suppressed = finding.acknowledged
    ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: finding.reason ?? '' }] }
    : {};
  return {
    ruleId: finding.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    kind: 'fail',
    level: levelOf(finding.severity),
    message: { text: `${name}: ${finding.message}${refused}` },
    locations: [where],
    partialFingerprints: { [FINGERPRINT]: fingerprint(finding.rule, subject, name) },
    ...suppressed,
    properties: {
      ...properties, acknowledged: finding.acknowledged, outcome: finding.outcome,
      ...(finding.acknowledgedVia !== undefined ? { acknowledgedVia: finding.acknowledgedVia } : {}),
    },
  };
}

function planProperties(file: string, assessment: PlanAssessment): object {
  return {
    file,
    ...(isSmsAssessment(assessment) ? {} : {
      target: assessment.target,
      ...(assessment.matrixDate !== undefined ? { matrixDate: assessment.matrixDate } : {}),
    }),
    policy: assessment.policy,
    ...(assessment.organizationPacks !== undefined ? { organizationPacks: assessment.organizationPacks } : {}),
    summary: assessment.summary,
    ...(assessment.network !== undefined ? { network: { verdict: assessment.network.verdict } } : {}),
    unusedAcknowledgements: assessment.unusedAcknowledgements,
    ...(assessment.notCarried !== undefined && assessment.notCarried.length > 0 ? { notCarried: assessment.notCarried } : {}),
  };
}

function levelOf(severity: Severity): Level {
  return severity === Severity.ERROR ? 'error' : severity === Severity.WARNING ? 'warning' : 'note';
}

/** The same rule on the same VM (or connector) name gets the same fingerprint in every run. */
function fingerprint(rule: string, subject: string, name: string): string {
  return createHash('sha256').update(JSON.stringify([rule, subject, name])).digest('hex').slice(0, 32);
}

/**
 * The plan file as a SARIF artifact location: a relative path is a URI reference relative to
 * %SRCROOT% with forward slashes, an absolute one a `file:` URI. Each segment is percent-encoded, so
 * that any file name (spaces, `#`, `%`, `<`, controls) gives a valid URI reference.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  // A lone surrogate cannot be encoded as UTF-8 (encodeURIComponent throws): write U+FFFD instead.
  const wellFormed = file.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
  const slashed = wellFormed.split(path.sep).join('/');
  if (path.isAbsolute(wellFormed)) {
    // A Windows path (C:/plans/a.json) needs the leading slash of file:///C:/plans/a.json.
    const rooted = slashed.startsWith('/') ? slashed : `/${slashed}`;
    // The drive of a Windows path keeps its colon: file:///C:/plans/a.json.
    const segments = rooted.split('/').map((segment, i) => (i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)));
    return { uri: `file://${segments.join('/')}` };
  }
  // A relative reference never keeps a colon unencoded: `C:` first would read as a URI scheme.
  return { uri: path.posix.normalize(slashed).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** `The VM has a single network interface` → `TheVMHasASingleNetworkInterface`. */
function pascalCase(text: string): string {
  return text.split(/[^A-Za-z0-9]+/).filter((word) => word !== '').map((word) => word[0].toUpperCase() + word.slice(1)).join('');
}

/** Rule text as Markdown: characters Markdown would read as formatting are escaped. */
function markdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
