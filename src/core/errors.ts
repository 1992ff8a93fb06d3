/**
 * A failure the user can fix (a bad path, a corrupt database, a malformed article). Its message is
 * one sentence meant to be shown as it is; anything else is a bug and is logged with its stack.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** A question or command the user must rephrase; the message says how. */
export class QuestionError extends Error {
  override name = 'QuestionError';
}
