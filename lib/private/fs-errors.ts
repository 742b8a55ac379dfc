/**
 * What a failed `stat`, `open` or read means for the person who named the file, in words rather than
 * error codes. `kind` names what the file should have been (`plan file`, `export file`).
 */
export function describeFsError(error: unknown, kind: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (typeof code === 'string' ? code : undefined) {
    case 'ENOENT':
      return 'file not found';
    case 'ENOTDIR':
      return 'file not found (a part of the path is not a directory)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file cannot be read';
    case 'EISDIR':
      return `is a directory, not a ${kind}`;
    case 'ELOOP':
      return 'cannot be opened: too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'cannot be opened: the file name is too long';
    default:
      return `cannot read the file (${error instanceof Error ? error.message : String(error)})`;
  }
}
