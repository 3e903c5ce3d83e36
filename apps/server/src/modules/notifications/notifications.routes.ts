import { NotificationsResponse } from '@opentwinning/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './notifications.service.ts';

const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, and how many are unread',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: NotificationsResponse, ...errorResponses(401) },
      },
    },
    async (request) => service.myNotifications(ctx, request.actor, request.query.limit),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark notifications as read: the ones given, or all',
        body: z.object({ ids: z.array(z.uuid()).max(100).optional() }),
        response: { 204: z.null(), ...errorResponses(401, 422) },
      },
    },
    async (request, reply) => {
      await service.markRead(ctx, request.actor, request.body.ids);
      return reply.code(204).send(null);
    },
  );
};
