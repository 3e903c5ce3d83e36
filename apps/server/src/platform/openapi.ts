import { errorCodes, errorStatus, type ErrorCode } from '@opentwinning/contracts';
import { z } from 'zod';

export const ApiError = z.object({
  error: z.object({
    code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    details: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});

const statusToCode = Object.fromEntries(Object.entries(errorStatus).map(([code, status]) => [status, code])) as Record<
  number,
  ErrorCode
>;

/** Response schemas for the error statuses a route may answer with (always the same body). */
export function errorResponses(...statuses: number[]): Record<number, typeof ApiError> {
  return Object.fromEntries(
    statuses.map((s) => [s, ApiError.describe(`${statusToCode[s] ?? 'error'}: { error: { code, message, fields? } }`)]),
  );
}
