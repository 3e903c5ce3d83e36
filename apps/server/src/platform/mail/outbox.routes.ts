import { desc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isCssOfficer } from '../auth/actor.ts';
import { AppError } from '../errors.ts';
import { errorResponses } from '../openapi.ts';
import { isDevelopmentLocal } from '../client.ts';
import { mailOutbox } from './mail.tables.ts';

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/outbox',
    {
      schema: {
        tags: ['operations'],
        summary: 'Messages sent or kept by the platform (CSS officers; anyone on localhost in development)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            smtp: z.boolean(),
            messages: z.array(
              z.object({
                id: z.string(),
                createdAt: z.string(),
                to: z.string(),
                locale: z.string(),
                kind: z.string(),
                subject: z.string(),
                body: z.string(),
                status: z.string(),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request, reply) => {
      if (!isCssOfficer(request.actor) && !isDevelopmentLocal(app.config.env, request)) {
        throw new AppError(request.actor ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }
      reply.header('cache-control', 'no-store');
      const rows = await app.db
        .select()
        .from(mailOutbox)
        .orderBy(desc(mailOutbox.createdAt))
        .limit(request.query.limit);
      return {
        smtp: app.ctx.mailer.smtp,
        messages: rows.map((m) => ({
          id: m.id,
          createdAt: m.createdAt.toISOString(),
          to: m.toAddress,
          locale: m.locale,
          kind: m.kind,
          subject: m.subject,
          body: m.body,
          status: m.status,
        })),
      };
    },
  );
};
