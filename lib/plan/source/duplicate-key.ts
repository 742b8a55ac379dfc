import { TextPosition } from './text-position';

/** The message for a key written twice in one object, in a JSON or a YAML plan. */
export function duplicateKeyMessage(name: string, first: TextPosition, repeat: TextPosition): string {
  const where = first.line === repeat.line ? `line ${first.line}, column ${first.column}` : `line ${first.line}`;
  return `duplicate key "${name}" (first at ${where}): a key may appear once in an object`;
}
