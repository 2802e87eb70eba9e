/**
 * The sign-in failure, apart from the session (which loads the AWS SDK): the terminal command tells it
 * from other errors without loading the SDK for an offline run.
 */

/** Raised when signing in fails; `hint` says what to fix. Never contains a token or a secret. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly hint: string | null,
    options?: { cause?: unknown },
  ) {
    super(hint ? `${message}\n${hint}` : message, options);
    this.name = 'SignInError';
  }
}
