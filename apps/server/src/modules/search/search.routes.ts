import { SchoolSearchResponse, SearchFilters, TeacherSearchResponse } from '@opentwinning/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './search.service.ts';

const tags = ['search'];

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.get(
    '/search/teachers',
    {
      schema: {
        tags,
        summary:
          'Find teachers (validated members only): free text (accent-insensitive, stemmed per language), facets with counts, keyset pages',
        querystring: SearchFilters,
        response: { 200: TeacherSearchResponse, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => service.searchTeachers(ctx, request.actor, request.query),
  );

  app.get(
    '/search/schools',
    {
      schema: {
        tags,
        summary: 'Find schools with teachers open to partners: name or town (typo-tolerant), facets, keyset pages',
        querystring: SearchFilters,
        response: { 200: SchoolSearchResponse, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => service.searchSchools(ctx, request.actor, request.query),
  );
};
