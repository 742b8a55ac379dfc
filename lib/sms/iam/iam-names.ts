/**
 * Checks of the names and descriptions this library gives IAM roles and users, so that a bad one
 * fails at synth with the prop it came from rather than at deployment.
 *
 * Unresolved tokens are never judged.
 */
import { Token } from 'aws-cdk-lib';
import { SmsMigrationErrorDetail } from '../../errors';

/** The characters IAM allows in role and user names. */
const IAM_NAME = /^[\w+=,.@-]+$/;

/** The longest IAM role or user name. */
export const MAX_IAM_NAME_LENGTH = 64;

/** The longest IAM role description. */
const MAX_ROLE_DESCRIPTION_LENGTH = 1000;

/** The characters IAM allows in a role description: tab, line breaks, printable ASCII and Latin-1. */
const ROLE_DESCRIPTION = /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/;

/** What the message says about the allowed characters. */
const ALLOWED_NAME_CHARACTERS = 'letters, digits and + = , . @ _ -';

function detail(name: string, message: string): SmsMigrationErrorDetail {
  return { errorId: `cdk-sms-migration:${name}`, message };
}

/** The problems of a role name given as prop `prop`, none when it is absent or a token. */
export function checkRoleName(prop: string, roleName: string | undefined): SmsMigrationErrorDetail[] {
  if (roleName === undefined || Token.isUnresolved(roleName)) {
    return [];
  }
  if (roleName.length === 0 || roleName.length > MAX_IAM_NAME_LENGTH || !IAM_NAME.test(roleName)) {
    return [detail('InvalidRoleName', `${prop} '${roleName}' is not an IAM role name, use 1 to ${MAX_IAM_NAME_LENGTH} ${ALLOWED_NAME_CHARACTERS}`)];
  }
  return [];
}

/** The problems of a role description given as prop `prop`, none when it is absent or a token. */
export function checkRoleDescription(prop: string, description: string | undefined): SmsMigrationErrorDetail[] {
  if (description === undefined || Token.isUnresolved(description)) {
    return [];
  }
  const found: SmsMigrationErrorDetail[] = [];
  if (description.length > MAX_ROLE_DESCRIPTION_LENGTH) {
    found.push(detail('RoleDescriptionTooLong',
      `${prop} is ${description.length} characters long, IAM allows at most ${MAX_ROLE_DESCRIPTION_LENGTH}`));
  }
  if (!ROLE_DESCRIPTION.test(description)) {
    found.push(detail('InvalidRoleDescription',
      `${prop} '${description}' has characters IAM does not allow in a role description, use printable ASCII and Latin-1 characters`));
  }
  return found;
}

/**
 * The problems of a connector name given as `what`, which becomes the IAM user name `prefix` +
 * name; none when it is a token.
 */
export function checkConnectorName(what: string, connectorName: string, prefix: string): SmsMigrationErrorDetail[] {
  if (Token.isUnresolved(connectorName)) {
    return [];
  }
  if (connectorName.length === 0) {
    return [detail('EmptyConnectorName', `${what} '' is empty, give the name of the SMS connector`)];
  }
  const found: SmsMigrationErrorDetail[] = [];
  if (!IAM_NAME.test(connectorName)) {
    found.push(detail('InvalidConnectorName',
      `${what} '${connectorName}' has characters that IAM user names cannot hold, use ${ALLOWED_NAME_CHARACTERS}`));
  }
  const maxLength = MAX_IAM_NAME_LENGTH - prefix.length;
  if (connectorName.length > maxLength) {
    found.push(detail('ConnectorNameTooLong',
      `${what} '${connectorName}' is ${connectorName.length} characters long, use at most ${maxLength} `
      + `(the IAM user name ${prefix}<name> holds at most ${MAX_IAM_NAME_LENGTH})`));
  }
  return found;
}
