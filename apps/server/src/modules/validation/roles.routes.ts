import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/auth/actor.ts';
import { requestLocale } from '../../platform/i18n.ts';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './validation.service.ts';

const Country = z.string().regex(/^[A-Z]{2}$/, { message: 'country_code' });
const Created = z.object({ id: z.string() });

/** Support-service roles: the CSS names NSS officers; an NSS names its regional coordinators. */
export const rolesRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  const Holder = z.object({
    id: z.string(),
    countryCode: z.string().nullable(),
    regionId: z.number().nullable(),
    grantedAt: z.string(),
    username: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
  });

  app.get(
    '/admin/nss-officers',
    {
      schema: {
        tags: ['roles'],
        summary: 'NSS officers (all countries for the CSS)',
        querystring: z.object({ country: Country.optional() }),
        response: { 200: z.object({ officers: z.array(Holder) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      officers: await service.listNssOfficers(ctx, requireSignedIn(request.actor), request.query.country),
    }),
  );

  app.post(
    '/admin/nss-officers',
    {
      schema: {
        tags: ['roles'],
        summary: 'Name an NSS officer (CSS only)',
        body: z.object({ username: z.string().min(1).max(254), countryCode: Country }),
        response: { 201: Created, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { username, countryCode } = request.body;
      return reply
        .code(201)
        .send(await service.grantNssOfficer(ctx, requireSignedIn(request.actor), username, countryCode));
    },
  );

  app.delete(
    '/roles/:id',
    {
      schema: {
        tags: ['roles'],
        summary: 'Revoke a support role',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.revokeRole(ctx, requireSignedIn(request.actor), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/nss/:country/regional-coordinators',
    {
      schema: {
        tags: ['roles'],
        summary: 'Regional coordinators of a country (its NSS)',
        params: z.object({ country: Country }),
        response: {
          200: z.object({ coordinators: z.array(Holder.extend({ regionName: z.string().nullable() })) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => ({
      coordinators: await service.listRegionalCoordinators(
        ctx,
        requireSignedIn(request.actor),
        request.params.country,
        requestLocale(request),
      ),
    }),
  );

  app.post(
    '/nss/:country/regional-coordinators',
    {
      schema: {
        tags: ['roles'],
        summary: 'Name a regional coordinator (the country’s NSS)',
        params: z.object({ country: Country }),
        body: z.object({ username: z.string().min(1).max(254), regionId: z.number().int().positive() }),
        response: { 201: Created, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await service.grantRegionalCoordinator(
        ctx,
        requireSignedIn(request.actor),
        request.body.username,
        request.params.country,
        request.body.regionId,
      );
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/nss/:country/regional-step',
    {
      schema: {
        tags: ['roles'],
        summary: 'Whether the country’s regional coordinators (or head teachers) confirm first',
        params: z.object({ country: Country }),
        body: z.object({ enabled: z.boolean() }),
        response: { 200: z.object({ enabled: z.boolean() }), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.chooseRegionalStep(
        ctx,
        requireSignedIn(request.actor),
        request.params.country,
        request.body.enabled,
      );
      return { enabled: request.body.enabled };
    },
  );
};
