/**
 * Every rule the domain refuses is a typed error with a stable code. The HTTP
 * edge maps the code to a status and a Danish message from the i18n files, so
 * no user text lives here.
 */
export type DomainErrorCode =
  | 'TEMPLATE_INVALID'
  | 'AGENDA_TIME_MISMATCH'
  | 'AGENDA_ITEM_TITLE_EMPTY'
  | 'MEETING_IN_PAST'
  | 'MEETING_END_BEFORE_START'
  | 'MEETING_TOO_LONG'
  | 'TRANSITION_NOT_ALLOWED'
  | 'PARTICIPANT_DUPLICATE'
  | 'SCHOOL_PART_INCOMPLETE'
  | 'MINUTES_BEFORE_MEETING'
  | 'PUBLIC_NOTE_EMPTY'
  | 'PUBLIC_NOTE_HAS_TEST_RESULTS'
  | 'PUBLIC_NOTE_HAS_PERSONAL_DATA'
  | 'PUBLIC_NOTE_HAS_CPR'
  | 'AGENDA_ITEM_NOT_FOUND'
  | 'ROUND_WITHOUT_QUESTIONS'
  | 'ROUND_ALREADY_OPEN'
  | 'ROUND_CLOSED'
  | 'NOT_IN_ROUND'
  | 'SPEAKING_ORDER_INVALID'
  | 'EVALUATION_CLOSED'
  | 'EVALUATION_NOT_YET'
  | 'AGENDA_ACTION_NOT_POSSIBLE';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'DomainError';
  }
}

/**
 * Refusals that are not domain rules: missing things, permissions, stale versions.
 * They live beside DomainError so every layer (store included) can raise them
 * without importing the application layer.
 */
export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'TEMPLATE_NOT_FOUND'
  | 'SCHOOL_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'CONVERSATION_NOT_FOUND'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_NAME_INVALID'
  | 'DOCUMENT_TYPE_NOT_ALLOWED'
  | 'DOCUMENT_EXISTS'
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENTS_CLOSED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'VERSION_CONFLICT'
  | 'UNSAFE_CONTENT'
  | 'CONTROL_CHARACTERS'
  | 'AGREEMENT_NOT_FOUND'
  | 'MINUTES_NOT_APPROVED'
  | 'ROUND_NOT_FOUND'
  | 'ROUND_ALREADY_OPEN'
  | 'CONVERSATION_EXISTS'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'MICROSOFT_365_UNAVAILABLE'
  | 'CONSENT_REQUIRED'
  | 'MEETING_NOT_OURS'
  | 'MEETING_NOT_ORGANISER'
  | 'MEETING_CANCELLED'
  | 'MEETING_ALREADY_LINKED'
  | 'MEETING_NOT_DRIVER'
  | 'NOTHING_OVERDUE'
  | 'BRIEFING_BLOCKED'
  | 'BRIEFING_UNCONFIRMED'
  | 'BUSY';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'AppError';
  }
}
