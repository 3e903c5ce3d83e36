import { errorStatus, type ApiErrorBody, type ErrorCode } from '@opentwinning/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { hasMessage, requestLocale, translate, type Locale } from './i18n.ts';

/** An error the API answers with on purpose: a code of the closed set, a translated message. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    /** Catalogue key of the message; defaults to the code's generic message. Fields hold keys of validation_* messages. */
    public readonly messageKey: string = `error_${code.toLowerCase()}`,
    public readonly inputs: Record<string, unknown> = {},
    public readonly fields?: Record<string, string>,
    public readonly headers?: Record<string, string>,
    /** Machine-readable facts about the refusal, e.g. `{ state: 'active' }` for a 409 on a project. */
    public readonly details?: Record<string, string>,
  ) {
    super(code);
  }
}

function fieldMessage(keyword: string, message: string, params: Record<string, unknown>, locale: Locale): string {
  // Custom refinements carry a message key ('date_invalid'); built-in checks get a generic text.
  const key = `validation_${message}`;
  if (hasMessage(key)) return translate(locale, key);
  if (keyword === 'invalid_type' && params.input === undefined) return translate(locale, 'validation_required');
  return translate(locale, 'validation_invalid_value');
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
  details?: Record<string, string>,
) {
  const body: ApiErrorBody = { error: { code, message, requestId: String(request.id) } };
  if (fields && Object.keys(fields).length) body.error.fields = fields;
  if (details) body.error.details = details;
  if (code === 'RATE_LIMITED' && !reply.getHeader('retry-after')) reply.header('retry-after', '60');
  return reply.code(errorStatus[code]).type('application/json; charset=utf-8').send(body);
}

/** One error handler for the whole API: closed codes, translated messages, no internals on 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      const fields = error.fields
        ? Object.fromEntries(
            Object.entries(error.fields).map(([f, key]) => [
              f,
              hasMessage(`validation_${key}`) ? translate(locale, `validation_${key}`) : key,
            ]),
          )
        : undefined;
      return send(reply, request, error.code, translate(locale, error.messageKey, error.inputs), fields, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        const where = error.validationContext ?? 'body';
        const name = v.instancePath.split('/').filter(Boolean).join('.') || where;
        fields[name] ??= fieldMessage(v.keyword, v.message ?? '', v.params, locale);
      }
      return send(reply, request, 'VALIDATION', translate(locale, 'error_validation'), fields);
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return send(reply, request, 'PAYLOAD_TOO_LARGE', translate(locale, 'error_payload_too_large'));
    if (status === 415)
      return send(reply, request, 'UNSUPPORTED_MEDIA_TYPE', translate(locale, 'error_unsupported_media_type'));
    if (status === 429) return send(reply, request, 'RATE_LIMITED', translate(locale, 'error_rate_limited'));
    if (status >= 400 && status < 500) {
      // Malformed JSON, bad content length and the like: the caller's mistake, said plainly.
      return send(reply, request, 'VALIDATION', translate(locale, 'error_validation'));
    }
    const db = databaseError(error);
    if (db?.code === '23505') return send(reply, request, 'CONFLICT', translate(locale, 'error_conflict'));
    if (db && BAD_INPUT.has(db.code)) return send(reply, request, 'VALIDATION', translate(locale, 'error_validation'));
    // Never the query's parameters: they carry personal data and password hashes.
    request.log.error(db ? { db } : { err: error }, 'unhandled error');
    return send(reply, request, 'INTERNAL', translate(locale, 'error_internal'));
  });
}

/**
 * PostgreSQL refusals caused by the input rather than the code: a NUL byte or an unencodable
 * character, a number or date out of range, an invalid text representation.
 */
const BAD_INPUT = new Set(['22P05', '22021', '22003', '22008', '22007', '22P02', '22001', '54000']);

interface DatabaseErrorInfo {
  code: string;
  message: string;
  constraint?: string;
}

/** The PostgreSQL error behind a failure (Drizzle wraps it as `cause`), without the query's parameters. */
function databaseError(error: unknown): DatabaseErrorInfo | undefined {
  for (
    let e = error as { code?: unknown; cause?: unknown; message?: unknown; constraint?: unknown } | undefined, i = 0;
    e && i < 4;
    i++
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return {
        code: e.code,
        message: String(e.message ?? ''),
        constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
      };
    }
    e = e.cause as typeof e;
  }
  return undefined;
}

/** JSON 404 for an unknown API address. */
export function replyNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 'NOT_FOUND', translate(requestLocale(request), 'error_not_found'));
}
