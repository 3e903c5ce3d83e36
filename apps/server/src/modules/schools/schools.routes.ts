import { SchoolCreate, SchoolView } from '@opentwinning/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/auth/actor.ts';
import { requestLocale } from '../../platform/i18n.ts';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './schools.service.ts';

const tags = ['schools'];
const Country = z.string().regex(/^[A-Z]{2}$/, { message: 'country_code' });

export const schoolsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.get(
    '/schools',
    {
      schema: {
        tags,
        summary: 'Search schools of a country by name (accent- and case-insensitive)',
        querystring: z.object({ country: Country, q: z.string().max(200).default('') }),
        response: { 200: z.object({ schools: z.array(SchoolView) }), ...errorResponses(401, 422) },
      },
    },
    async (request) => {
      requireSignedIn(request.actor);
      return {
        schools: await service.searchSchools(ctx, request.query.country, request.query.q, requestLocale(request)),
      };
    },
  );

  app.get(
    '/schools/similar',
    {
      schema: {
        tags,
        summary: 'Likely duplicates in the same city, to show before creating a school',
        querystring: z.object({ country: Country, city: z.string().min(1).max(120), name: z.string().min(1).max(200) }),
        response: { 200: z.object({ schools: z.array(SchoolView) }), ...errorResponses(401, 422) },
      },
    },
    async (request) => {
      requireSignedIn(request.actor);
      const { country, city, name } = request.query;
      return { schools: await service.likelyDuplicates(ctx, country, city, name, requestLocale(request)) };
    },
  );

  app.get(
    '/schools/:id',
    {
      schema: {
        tags,
        summary: 'One school',
        params: z.object({ id: z.uuid() }),
        response: { 200: SchoolView, ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => {
      requireSignedIn(request.actor);
      return service.getSchool(ctx, request.params.id, requestLocale(request));
    },
  );

  app.post(
    '/schools',
    {
      schema: {
        tags,
        summary: 'Register a pre-university school',
        body: SchoolCreate,
        response: { 201: SchoolView, ...errorResponses(401, 403, 422) },
      },
    },
    async (request, reply) => {
      const school = await service.createSchool(
        ctx,
        requireSignedIn(request.actor),
        request.body,
        requestLocale(request),
      );
      return reply.code(201).send(school);
    },
  );
};
