import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { AppError } from '../domain/errors.js';
import { RemoteError } from '../app/ports/remote-error.js';
import { interpolate, localeFromAcceptLanguage, serverTexts, type Locale } from '../i18n/messages.js';

const statusByCode: Record<string, number> = {
  VALIDATION_FAILED: 400,
  UNSAFE_CONTENT: 400,
  CONTROL_CHARACTERS: 400,
  INVALID_ACTIVITY: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DOCUMENT_NAME_INVALID: 400,
  DOCUMENT_EMPTY: 400,
  DOCUMENT_TYPE_NOT_ALLOWED: 415,
  DOCUMENT_EXISTS: 409,
  DOCUMENT_NOT_FOUND: 404,
  DOCUMENTS_CLOSED: 409,
  DOCUMENT_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONVERSATION_NOT_FOUND: 404,
  AGREEMENT_NOT_FOUND: 404,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONVERSATION_EXISTS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  MICROSOFT_365_UNAVAILABLE: 503,
  CONSENT_REQUIRED: 403,
  MEETING_NOT_OURS: 404,
  MEETING_NOT_ORGANISER: 403,
  MEETING_CANCELLED: 409,
  MEETING_ALREADY_LINKED: 409,
  MINUTES_NOT_APPROVED: 409,
  TRANSITION_NOT_ALLOWED: 409,
  PARTICIPANT_DUPLICATE: 409,
  ROUND_NOT_FOUND: 404,
  AGENDA_ITEM_NOT_FOUND: 404,
  ROUND_ALREADY_OPEN: 409,
  ROUND_CLOSED: 409,
  ROUND_WITHOUT_QUESTIONS: 409,
  SPEAKING_ORDER_INVALID: 400,
  NOT_IN_ROUND: 403,
  EVALUATION_CLOSED: 409,
  EVALUATION_NOT_YET: 409,
  AGENDA_ACTION_NOT_POSSIBLE: 409,
  MEETING_NOT_DRIVER: 403,
  NOTHING_OVERDUE: 409,
  BRIEFING_BLOCKED: 422,
  BRIEFING_UNCONFIRMED: 409,
  BUSY: 503,
};

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  fields?: { field: string; message: string }[];
}

/** Turns zod's issues into Danish (or English) lines naming the field the person sees. */
export function describeIssues(issues: z.core.$ZodIssue[], locale: Locale): { field: string; message: string }[] {
  const texts = serverTexts[locale];
  const labels = texts.fields as Record<string, string>;
  return issues.map((issue) => {
    // The most specific part of the path the person knows by name ("Hvad" in content.agreements.1.what), with its row.
    const named = [...issue.path].reverse().find((p) => typeof p === 'string' && p in labels);
    const key = String(named ?? issue.path[0] ?? '');
    const row = issue.path.find((p) => typeof p === 'number');
    const label = (labels[key] ?? key) + (typeof row === 'number' ? ` ${interpolate(texts.validation.row, { number: row + 1 })}` : '');
    const v = texts.validation;
    const maximum = 'maximum' in issue ? String(issue.maximum) : '';
    const minimum = 'minimum' in issue ? String(issue.minimum) : '';
    // A number's limit is a number ("højst 240"), a text's is characters, a list's is elements.
    const isNumber = 'origin' in issue && (issue.origin === 'number' || issue.origin === 'int');
    const message =
      issue.code === 'too_big'
        ? interpolate(issue.origin === 'array' ? v.too_big_array : isNumber ? v.too_big_number : v.too_big, { maximum })
        : issue.code === 'too_small'
          ? isNumber
            ? interpolate(v.too_small_number, { minimum })
            : v.too_small
          : issue.code === 'invalid_format'
            ? v.invalid_format
            : issue.code === 'invalid_type'
              ? v.invalid_type
              : issue.code === 'invalid_value'
                ? v.invalid_value
                : v.other;
    return { field: issue.path.join('.'), message: `${label}: ${message}` };
  });
}

export function errorBody(code: string, locale: Locale, details: Record<string, unknown> = {}): ApiErrorBody {
  const errors = serverTexts[locale].errors as Record<string, string>;
  // Some refusals read differently by which way they go or why (AGENDA_TIME_MISMATCH_over, AGENDA_ACTION_NOT_POSSIBLE_itemDone).
  const which = details.direction ?? details.reason;
  const variant = typeof which === 'string' ? errors[`${code}_${which}`] : undefined;
  const template = variant ?? errors[code] ?? serverTexts[locale].errors.INTERNAL;
  const texts = serverTexts[locale];
  // Codes inside details (a field name, a status) are shown as the words the person knows.
  const labels: Record<string, unknown> = {};
  if (typeof details.field === 'string') labels.field = (texts.fields as Record<string, string>)[details.field] ?? details.field;
  if (typeof details.from === 'string') labels.from = (texts.status as Record<string, string>)[details.from] ?? details.from;
  // "11. marts kl. 9.00": a time in a message is written in Copenhagen time, the way the person reads it.
  if (typeof details.startsAt === 'string' && !Number.isNaN(Date.parse(details.startsAt))) {
    labels.when = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
      timeZone: 'Europe/Copenhagen',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(details.startsAt));
  }
  return { code, message: interpolate(template, { ...details, ...labels }), details };
}

/** The one place errors become HTTP: `{code, message}` with the message in the caller's language. */
export const errorMapping: ErrorRequestHandler = (error, req, res, _next) => {
  const locale = localeFromAcceptLanguage(req.header('accept-language'));
  if (error instanceof z.ZodError) {
    res.status(400).json({ ...errorBody('VALIDATION_FAILED', locale), fields: describeIssues(error.issues, locale) });
    return;
  }
  if (error instanceof DomainError || error instanceof AppError) {
    if (typeof error.details.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
    res.status(statusByCode[error.code] ?? 422).json(errorBody(error.code, locale, error.details));
    return;
  }
  if ((error as { type?: string }).type === 'entity.parse.failed') {
    res.status(400).json(errorBody('VALIDATION_FAILED', locale));
    return;
  }
  if ((error as { type?: string }).type === 'entity.too.large') {
    let fileName = '';
    try {
      fileName = decodeURIComponent(req.header('x-file-name') ?? '');
    } catch {
      fileName = '';
    }
    res.status(413).json(errorBody('DOCUMENT_TOO_LARGE', locale, { maxMegabytes: 50, fileName: fileName || '…' }));
    return;
  }
  // Any other refusal of the body parser (an unknown charset or encoding, a body that is not what its Content-Encoding says).
  const parser = error as { status?: number; type?: string };
  if (typeof parser.type === 'string' && typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500) {
    const unsupported = parser.type === 'encoding.unsupported' || parser.type === 'charset.unsupported';
    res.status(unsupported ? 415 : 400).json(errorBody(unsupported ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED', locale));
    return;
  }
  // A body that is not what its Content-Encoding says (zlib cannot inflate it).
  if (typeof (error as { code?: string }).code === 'string' && /^Z_/.test((error as { code: string }).code)) {
    res.status(400).json(errorBody('VALIDATION_FAILED', locale));
    return;
  }
  // Microsoft 365 not answering a call made while the person waits: say so, with a retry hint, never a 500.
  if (error instanceof RemoteError) {
    if (error.retryAfterMs) res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
    res.status(503).json(errorBody('MICROSOFT_365_UNAVAILABLE', locale));
    return;
  }
  console.error('Unhandled error', error);
  res.status(500).json(errorBody('INTERNAL', locale));
};
