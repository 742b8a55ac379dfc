import { GROUP_OPERATIONS } from './groups';
import { IMPORT_OPERATIONS } from './imports';
import { JOB_OPERATIONS } from './jobs';
import { MISC_OPERATIONS } from './misc';
import { SERVER_OPERATIONS } from './servers';
import { TAG_OPERATIONS } from './tags';
import { TEMPLATE_OPERATIONS } from './templates';
import { OperationHandler } from './context';

export type { OpContext, OperationHandler } from './context';

/** Every operation the emulator implements, by name; the others answer 501 NotImplementedException. */
export const OPERATIONS: Record<string, OperationHandler> = {
  ...MISC_OPERATIONS, ...TEMPLATE_OPERATIONS, ...GROUP_OPERATIONS, ...SERVER_OPERATIONS, ...TAG_OPERATIONS, ...IMPORT_OPERATIONS,
  ...JOB_OPERATIONS,
};

/** Operations that work before InitializeService (the rest answer UninitializedAccountException). */
export const WITHOUT_INITIALIZATION = new Set(['InitializeService', 'ListTagsForResource', 'TagResource', 'UntagResource']);
