import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/auth/actor.ts';
import { requestLocale } from '../../platform/i18n.ts';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './validation.service.ts';

const tags = ['validation'];
const Ids = z.array(z.uuid()).min(1, { message: 'choose_at_least_one' }).max(200);
const Country = z.string().regex(/^[A-Z]{2}$/, { message: 'country_code' });
const Created = z.object({ id: z.string() });

export const validationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.post(
    '/me/affiliations',
    {
      schema: {
        tags,
        summary: 'Join a school (waits for validation)',
        body: z.object({ schoolId: z.uuid() }),
        response: { 201: Created, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const id = await service.requestAffiliation(ctx, requireSignedIn(request.actor), request.body.schoolId);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/me/affiliations/:id/change',
    {
      schema: {
        tags,
        summary: 'Change school: the new affiliation goes back to validation',
        params: z.object({ id: z.uuid() }),
        body: z.object({ schoolId: z.uuid() }),
        response: { 201: Created, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const id = await service.changeSchool(
        ctx,
        requireSignedIn(request.actor),
        request.params.id,
        request.body.schoolId,
      );
      return reply.code(201).send({ id });
    },
  );

  app.delete(
    '/me/affiliations/:id',
    {
      schema: {
        tags,
        summary: 'Leave a school',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await service.leaveSchool(ctx, requireSignedIn(request.actor), request.params.id);
      return reply.code(204).send(null);
    },
  );

  const QueueItem = z.object({
    id: z.string(),
    status: z.string(),
    regionalStatus: z.string(),
    createdAt: z.string(),
    waitingDays: z.number(),
    decisionReason: z.string().nullable(),
    person: z.object({
      id: z.string(),
      username: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      email: z.string(),
      schoolRole: z.string().nullable(),
    }),
    school: z.object({
      id: z.string(),
      name: z.string(),
      city: z.string(),
      countryCode: z.string(),
      regionId: z.number().nullable(),
      regionName: z.string().nullable(),
    }),
  });

  app.get(
    '/validation/queue',
    {
      schema: {
        tags,
        summary: 'Affiliations to decide on (NSS: its country; regional coordinator: its regions; CSS: all)',
        querystring: z.object({
          country: Country.optional(),
          region: z.coerce.number().int().positive().optional(),
          school: z.string().max(200).optional(),
          status: z.enum(['pending', 'validated', 'rejected']).default('pending'),
          regionalStatus: z.enum(['not_required', 'awaiting', 'confirmed']).optional(),
          minWaitingDays: z.coerce.number().int().min(0).max(3650).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
        }),
        response: {
          200: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(QueueItem) }),
          ...errorResponses(401, 403, 422),
        },
      },
    },
    async (request) =>
      service.validationQueue(ctx, requireSignedIn(request.actor), request.query, requestLocale(request)),
  );

  app.get(
    '/validation/affiliations/:id',
    {
      schema: {
        tags,
        summary: 'One affiliation with the person and its audit trail',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            id: z.string(),
            status: z.string(),
            regionalStatus: z.string(),
            createdAt: z.string(),
            decidedAt: z.string().nullable(),
            decisionReason: z.string().nullable(),
            headConfirmedAt: z.string().nullable(),
            person: z.object({
              id: z.string(),
              username: z.string(),
              firstName: z.string(),
              lastName: z.string(),
              email: z.string(),
              schoolRole: z.string().nullable(),
              subjects: z.array(z.string()),
              languages: z.array(z.string()),
              presentation: z.string(),
              createdAt: z.string(),
              emailConfirmed: z.boolean(),
            }),
            school: z.object({
              id: z.string(),
              name: z.string(),
              city: z.string(),
              countryCode: z.string(),
              regionName: z.string().nullable(),
              headName: z.string(),
              headEmail: z.string(),
            }),
            audit: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                actor: z.string(),
                action: z.string(),
                subject: z.string(),
                reason: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) =>
      service.affiliationDetail(ctx, requireSignedIn(request.actor), request.params.id, requestLocale(request)),
  );

  app.post(
    '/validation/decisions',
    {
      schema: {
        tags,
        summary: 'Validate or reject affiliations (bulk; a rejection needs a reason)',
        body: z.object({
          affiliationIds: Ids,
          decision: z.enum(['validate', 'reject']),
          reason: z.string().max(2000).optional(),
        }),
        response: { 200: z.object({ decided: z.number() }), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { affiliationIds, decision, reason } = request.body;
      return service.decide(ctx, requireSignedIn(request.actor), affiliationIds, decision, reason);
    },
  );

  app.post(
    '/validation/regional-confirmations',
    {
      schema: {
        tags,
        summary: 'The regional coordinator confirms affiliations of its region',
        body: z.object({ affiliationIds: Ids }),
        response: { 200: z.object({ confirmed: z.number() }), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => service.confirmRegionally(ctx, requireSignedIn(request.actor), request.body.affiliationIds),
  );

  app.get(
    '/validation/head-teacher',
    {
      schema: {
        tags,
        summary: 'What a head teacher is asked to confirm (from the emailed link)',
        querystring: z.object({ token: z.string().min(10).max(500) }),
        response: {
          200: z.object({ teacher: z.string(), school: z.string(), city: z.string(), alreadyConfirmed: z.boolean() }),
          ...errorResponses(400, 422),
        },
      },
    },
    async (request) => service.headTeacherRequest(ctx, request.query.token),
  );

  app.post(
    '/validation/head-teacher',
    {
      schema: {
        tags,
        summary: 'The head teacher confirms',
        body: z.object({ token: z.string().min(10).max(500) }),
        response: { 200: z.object({ status: z.string() }), ...errorResponses(400, 422) },
      },
    },
    async (request) => {
      await service.confirmByHeadTeacher(ctx, request.body.token);
      return { status: 'confirmed' };
    },
  );
};
