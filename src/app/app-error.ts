/** Errors from use cases that are not domain rules: missing things, permissions, conflicts. */
export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'TEMPLATE_NOT_FOUND'
  | 'SCHOOL_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'CONVERSATION_NOT_FOUND'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_NAME_INVALID'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'VERSION_CONFLICT'
  | 'UNSAFE_CONTENT'
  | 'AGREEMENT_NOT_FOUND'
  | 'MINUTES_NOT_APPROVED'
  | 'ROUND_NOT_FOUND'
  | 'ROUND_ALREADY_OPEN';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'AppError';
  }
}
