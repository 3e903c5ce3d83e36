import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './contacts.service.ts';

const tags = ['contacts'];
const Username = z.string().min(1).max(60);
const Person = z.object({ id: z.string(), username: z.string(), firstName: z.string(), lastName: z.string() });
const Link = z.object({ requestId: z.string(), person: Person, message: z.string(), since: z.string() });

export const contactsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.get(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'My contacts, requests received and sent, people I blocked',
        response: {
          200: z.object({
            contacts: z.array(Link),
            incoming: z.array(Link),
            outgoing: z.array(Link),
            blocked: z.array(
              z.object({ username: z.string(), firstName: z.string(), lastName: z.string(), since: z.string() }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => service.myContacts(ctx, request.actor),
  );

  app.get(
    '/contacts/with/:username',
    {
      schema: {
        tags,
        summary: 'Where I stand with another member: contacts, request sent or received, blocked',
        params: z.object({ username: Username }),
        response: {
          200: z.union([
            z.object({ status: z.enum(['none', 'contacts', 'blocked_by_me', 'blocked_me', 'self']) }),
            z.object({
              status: z.enum(['request_sent', 'request_received']),
              requestId: z.string(),
              message: z.string(),
            }),
          ]),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => service.relationWith(ctx, request.actor, request.params.username),
  );

  app.post(
    '/contacts/requests',
    {
      schema: {
        tags,
        summary: 'Ask a validated teacher to be a contact, with a short message',
        body: z.object({ username: Username, message: z.string().max(500, { message: 'too_long' }).default('') }),
        response: { 201: z.object({ id: z.string() }), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.requestContact(ctx, request.actor, request.body.username, request.body.message)),
  );

  app.post(
    '/contacts/requests/:id/:answer',
    {
      schema: {
        tags,
        summary: 'Accept or decline a request received; withdraw one sent',
        params: z.object({ id: z.uuid(), answer: z.enum(['accept', 'decline', 'withdraw']) }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      await service.answerRequest(ctx, request.actor, request.params.id, request.params.answer);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/contacts/:username',
    {
      schema: {
        tags,
        summary: 'Remove a contact',
        params: z.object({ username: Username }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.removeContact(ctx, request.actor, request.params.username);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/blocks/:username',
    {
      schema: {
        tags,
        summary: 'Block a person',
        params: z.object({ username: Username }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      await service.blockPerson(ctx, request.actor, request.params.username);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/blocks/:username',
    {
      schema: {
        tags,
        summary: 'Unblock a person',
        params: z.object({ username: Username }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.unblockPerson(ctx, request.actor, request.params.username);
      return reply.code(204).send(null);
    },
  );
};
