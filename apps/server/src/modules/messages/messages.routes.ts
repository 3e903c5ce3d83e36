import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './messages.service.ts';

const tags = ['messages'];

export const messagesRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.post(
    '/messages',
    {
      schema: {
        tags,
        summary: 'Send a message (to non-contacts: at most 5 in 24 hours)',
        body: z.object({
          to: z.string().min(1).max(60),
          body: z.string().trim().min(1, { message: 'required' }).max(5000, { message: 'too_long' }),
        }),
        response: {
          201: z.object({ conversationId: z.string(), messageId: z.number() }),
          ...errorResponses(401, 403, 404, 409, 422, 429),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.sendMessage(ctx, request.actor, request.body.to, request.body.body)),
  );

  app.get(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'My conversations, newest first, with unread counts',
        response: {
          200: z.object({
            conversations: z.array(
              z.object({
                id: z.string(),
                lastMessageAt: z.string(),
                with: z.object({ username: z.string(), firstName: z.string(), lastName: z.string() }).nullable(),
                unread: z.number(),
                lastMessage: z.object({ excerpt: z.string(), mine: z.boolean() }).nullable(),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => ({ conversations: await service.myConversations(ctx, request.actor) }),
  );

  app.get(
    '/conversations/:id',
    {
      schema: {
        tags,
        summary: 'A conversation’s latest messages (marks them read)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            id: z.string(),
            messages: z.array(
              z.object({
                id: z.number(),
                mine: z.boolean(),
                fromDeletedAccount: z.boolean(),
                body: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => service.readConversation(ctx, request.actor, request.params.id),
  );
};
