import { PostDetail, PostFilters, PostInput, PostListResponse } from '@opentwinning/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './forum.service.ts';

const tags = ['forum'];
const Id = z.object({ id: z.uuid() });

export const forumRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.get(
    '/forum/posts',
    {
      schema: {
        tags,
        summary: 'Partner-finding posts (validated members): newest first, with the search filters',
        querystring: PostFilters,
        response: { 200: PostListResponse, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => service.listPosts(ctx, request.actor, request.query),
  );

  app.post(
    '/forum/posts',
    {
      schema: {
        tags,
        summary: 'Post a project offered or sought',
        body: PostInput,
        response: { 201: z.object({ id: z.string() }), ...errorResponses(401, 403, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createPost(ctx, request.actor, request.body)),
  );

  app.get(
    '/forum/posts/:id',
    {
      schema: {
        tags,
        summary: 'A post with its replies',
        params: Id,
        response: { 200: PostDetail, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => service.getPost(ctx, request.actor, request.params.id),
  );

  app.post(
    '/forum/posts/:id/replies',
    {
      schema: {
        tags,
        summary: 'Reply to an open post (its author is notified)',
        params: Id,
        body: z.object({
          body: z.string().trim().min(1, { message: 'required' }).max(4000, { message: 'too_long' }),
        }),
        response: { 201: z.object({ id: z.string() }), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.replyToPost(ctx, request.actor, request.params.id, request.body.body)),
  );

  app.post(
    '/forum/posts/:id/close',
    {
      schema: {
        tags,
        summary: 'Close my post (no more replies)',
        params: Id,
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.closePost(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
