import { PlanPath } from './plan-path';
import { TextPosition } from './text-position';

/** Finds where the parts of a plan are in its file. */
export interface SourceLocator {
  /**
   * Where the field at `path` starts: its key when it is an object property, the item itself when it
   * is an array element. When the path does not exist, the deepest part of it that does.
   */
  fieldPosition(path: PlanPath): TextPosition | undefined;
  /** Where the value at `path` starts; falls back like `fieldPosition`. */
  valuePosition(path: PlanPath): TextPosition | undefined;
  /** The scalar at `path` as written in the file (`7.30`; a string without its quotes), when it is a scalar. */
  scalarSource(path: PlanPath): string | undefined;
}
