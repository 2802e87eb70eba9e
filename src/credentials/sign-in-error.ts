/**
 * The sign-in failure, apart from the session (which loads the AWS SDK): the terminal command tells it
 * from other errors without loading the SDK for an offline run.
 */

import { AuditError, type ErrorFields } from '../errors.js';

/**
 * Raised when signing in fails: the `step` that failed (`AssumeRoleWithWebIdentity`, `GetCallerIdentity`),
 * AWS's error name as `code`, and a `hint` saying what to fix. Never contains a token or a secret.
 */
export class SignInError extends AuditError {
  constructor(message: string, fields: ErrorFields) {
    super('SignInError', message, fields);
  }
}
