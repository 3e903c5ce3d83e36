import { SuggestionsResponse } from '@opentwinning/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './matching.service.ts';

const tags = ['matching'];
const Limit = z.object({ limit: z.coerce.number().int().min(1).max(50).default(12) });

export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.get(
    '/suggestions',
    {
      schema: {
        tags,
        summary:
          'Partners suggested to me, ranked by a documented score (ages, languages, subjects, common school time, school year, activity), with reasons',
        querystring: Limit,
        response: { 200: SuggestionsResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => service.suggestionsForMe(ctx, request.actor, request.query.limit),
  );

  app.get(
    '/forum/posts/:id/suggestions',
    {
      schema: {
        tags,
        summary: 'Partners suggested for my forum post (its ages, languages, subjects and wanted countries)',
        params: z.object({ id: z.uuid() }),
        querystring: Limit,
        response: { 200: SuggestionsResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => service.suggestionsForPost(ctx, request.actor, request.params.id, request.query.limit),
  );
};
