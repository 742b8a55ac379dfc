export const IMPORT_OPERATIONS = {};
