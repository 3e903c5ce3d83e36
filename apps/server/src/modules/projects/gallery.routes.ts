import { GalleryFilters, GalleryResponse, PublicProject } from '@opentwinning/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLocale } from '../../platform/i18n.ts';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './projects.service.ts';

const tags = ['gallery'];
const Id = z.object({ id: z.uuid() });

/** The public gallery of projects (R-PRJ-5): no sign-in needed. */
export const galleryRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.get(
    '/gallery',
    {
      schema: {
        tags,
        summary: 'Active and closed public projects, with filters and full-text search',
        querystring: GalleryFilters,
        response: { 200: GalleryResponse, ...errorResponses(422) },
      },
    },
    async (request) => service.listGallery(ctx, request.query),
  );

  app.get(
    '/gallery/:id',
    {
      schema: {
        tags,
        summary: "A public project page (teachers' names for signed-in members only; never pupils)",
        params: Id,
        response: { 200: PublicProject, ...errorResponses(404) },
      },
    },
    async (request) => service.publicProject(ctx, request.actor, request.params.id),
  );

  app.get(
    '/gallery/:id/map.svg',
    {
      schema: {
        tags,
        summary: "A small accessible SVG map of the project's countries",
        params: Id,
        response: { 200: z.string().describe('image/svg+xml'), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const svg = await service.projectMap(ctx, request.params.id, requestLocale(request));
      reply.header('cache-control', 'public, max-age=300').type('image/svg+xml; charset=utf-8');
      return svg;
    },
  );
};
