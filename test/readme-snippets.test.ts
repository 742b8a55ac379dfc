/**
 * Every TypeScript snippet of the README compiles as written: each ```ts block is type-checked on its
 * own, as a module of a user's app, against this library (the package name `cdk-sms-migration` is
 * mapped to `lib/index.ts`) with the project's compiler options. A snippet that names something it
 * does not import, or calls an API that changed, fails here rather than in a newcomer's editor.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const README = path.join(ROOT, 'README.md');

/** Type-checking a program that includes aws-cdk-lib's declarations takes seconds, more on a busy machine. */
const TIMEOUT_MS = 120_000;

interface Snippet {
  /** Where the snippet comes from, as messages name it. */
  readonly file: string;
  /** The README line of the block's opening fence, 1-based. */
  readonly line: number;
  readonly code: string;
}

/** The ```ts (or ```typescript) blocks of a Markdown text. */
function typescriptBlocks(markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  let open: { line: number; body: string[] } | undefined;
  lines.forEach((text, i) => {
    if (open === undefined) {
      if (/^```(ts|typescript)\s*$/.test(text)) {
        open = { line: i + 1, body: [] };
      }
    } else if (/^```\s*$/.test(text)) {
      snippets.push({ file: 'README.md', line: open.line, code: open.body.join('\n') });
      open = undefined;
    } else {
      open.body.push(text);
    }
  });
  return snippets;
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return {
    ...parsed.options,
    noEmit: true,
    // A snippet shows an API, not a finished program: a name it defines and leaves unused is fine.
    noUnusedLocals: false,
    noUnusedParameters: false,
    // Inline source maps are for emitted files only.
    inlineSourceMap: false,
    inlineSources: false,
    baseUrl: ROOT,
    paths: { 'cdk-sms-migration': ['lib/index.ts'] },
  };
}

/** The diagnostics of each snippet, as `README.md:<line>: <message>` (the line of the README), compiled in one program. */
function checkSnippets(snippets: readonly Snippet[]): string[] {
  const files = new Map(snippets.map((s, i) => [path.join(ROOT, `readme-snippet-${i + 1}.ts`), s] as const));
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  // Each snippet is a module of its own (`export {}`), so that two snippets defining `app` never clash.
  const text = (file: string): string | undefined => {
    const snippet = files.get(file);
    return snippet === undefined ? undefined : `${snippet.code}\nexport {};\n`;
  };
  host.fileExists = (file) => files.has(file) || fileExists(file);
  host.readFile = (file) => text(file) ?? readFile(file);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const source = text(file);
    return source !== undefined
      ? ts.createSourceFile(file, source, languageVersion, true)
      : getSourceFile(file, languageVersion, onError, shouldCreate);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const messages: string[] = [];
  for (const [file, snippet] of files) {
    const source = program.getSourceFile(file)!;
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const at = d.start !== undefined ? source.getLineAndCharacterOfPosition(d.start).line : 0;
      messages.push(`${snippet.file}:${snippet.line + 1 + at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return messages;
}

/** A snippet that must fail, compiled with the README's: proof that the check reports what it should. */
const BROKEN: Snippet = { file: 'broken', line: 0, code: "import { App } from 'aws-cdk-lib';\nnew Migration(new App(), 'M', {} as never);" };

describe('README snippets', () => {
  const snippets = typescriptBlocks(fs.readFileSync(README, 'utf8'));
  let diagnostics: string[] = [];

  beforeAll(() => {
    diagnostics = checkSnippets([...snippets, BROKEN]);
  }, TIMEOUT_MS);

  test('the README has TypeScript snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
  });

  test('every TypeScript snippet compiles as written against the library', () => {
    expect(diagnostics.filter((d) => !d.startsWith('broken:'))).toEqual([]);
  });

  test('a snippet that uses a name it does not import fails the check', () => {
    expect(diagnostics.filter((d) => d.startsWith('broken:'))).toEqual([expect.stringMatching(/Cannot find name 'Migration'/)]);
  });
});
