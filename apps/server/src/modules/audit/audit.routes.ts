import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { isCssOfficer, nssCountries, requireSignedIn } from '../../platform/auth/actor.ts';
import { errorResponses } from '../../platform/openapi.ts';
import { listAudit } from './audit.service.ts';

const Entry = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  countryCode: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['validation'],
        summary: 'Audit log: an NSS reads its country, the CSS every country',
        querystring: z.object({
          country: z
            .string()
            .regex(/^[A-Z]{2}$/, { message: 'country_code' })
            .optional(),
          before: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: z.object({ entries: z.array(Entry) }), ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      const { country, before } = request.query;
      const countries = nssCountries(actor);
      if (!isCssOfficer(actor) && !(country && countries !== 'all' && countries.includes(country))) {
        throw new AppError('FORBIDDEN');
      }
      return { entries: await listAudit(app.db, { countryCode: country ?? null, before, limit: 100 }) };
    },
  );
};
