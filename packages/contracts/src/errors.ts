/**
 * The closed set of error codes the API answers with, and the one table that maps
 * each code to its HTTP status. Every error body is `{ error: { code, message, fields? } }`.
 */
export const errorStatus = {
  VALIDATION: 422,
  ROLE_NOT_ELIGIBLE: 422,
  SCHOOL_NOT_ELIGIBLE: 422,
  PROJECT_NOT_ELIGIBLE: 422,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  EMAIL_NOT_CONFIRMED: 403,
  ACCOUNT_NOT_VALIDATED: 403,
  TOKEN_INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field path (dotted) → message, for VALIDATION errors. */
    fields?: Record<string, string>;
    /** Machine-readable facts about the refusal, e.g. `{ state: 'active' }` (409 on a project). */
    details?: Record<string, string>;
    requestId?: string;
  };
}
