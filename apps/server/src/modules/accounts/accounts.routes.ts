import {
  Email,
  MeResponse,
  PasswordResetComplete,
  PasswordResetRequest,
  ProfileUpdate,
  SignInRequest,
  SignUpRequest,
  TokenRequest,
} from '@opentwinning/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSignedIn, requireValidated } from '../../platform/auth/actor.ts';
import { csrfTokenFor } from '../../platform/auth/auth.plugin.ts';
import { isDevelopmentLocal } from '../../platform/client.ts';
import { requestLocale } from '../../platform/i18n.ts';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './accounts.service.ts';

const Accepted = z.object({ status: z.string() });
const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;

  app.post(
    '/auth/sign-up',
    {
      schema: {
        tags,
        summary: 'Create an account (a confirmation link is emailed)',
        body: SignUpRequest,
        response: { 201: Accepted, ...errorResponses(409, 422) },
      },
    },
    async (request, reply) => {
      await service.signUp(ctx, request.body);
      return reply.code(201).send({ status: 'confirmation_sent' });
    },
  );

  app.post(
    '/auth/resend-confirmation',
    {
      schema: {
        tags,
        summary: 'Send the confirmation link again',
        body: z.object({ email: Email }),
        response: { 202: Accepted, ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      await service.resendConfirmation(ctx, request.body.email);
      return reply.code(202).send({ status: 'sent_if_known' });
    },
  );

  app.post(
    '/auth/confirm-email',
    {
      schema: {
        tags,
        summary: 'Confirm the email address and sign in',
        body: TokenRequest,
        response: { 200: Accepted, ...errorResponses(400, 422) },
      },
    },
    async (request, reply) => {
      const personId = await service.confirmEmail(ctx, request.body.token);
      app.setSessionCookie(reply, await service.openSession(ctx, personId, service.clientOf(request)));
      return { status: 'confirmed' };
    },
  );

  app.post(
    '/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in',
        body: SignInRequest,
        response: { 200: Accepted, ...errorResponses(401, 403, 422, 429) },
      },
    },
    async (request, reply) => {
      const token = await service.signIn(ctx, request.body.email, request.body.password, service.clientOf(request));
      app.setSessionCookie(reply, token);
      return { status: 'signed_in' };
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags, summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.actor) await service.revokeSession(ctx, request.actor, request.actor.sessionId);
      app.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Email a password reset link',
        body: PasswordResetRequest,
        response: { 202: Accepted, ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      await service.requestPasswordReset(ctx, request.body.email);
      return reply.code(202).send({ status: 'sent_if_known' });
    },
  );

  app.post(
    '/auth/password-reset/complete',
    {
      schema: {
        tags,
        summary: 'Set a new password from a reset link',
        body: PasswordResetComplete,
        response: { 200: Accepted, ...errorResponses(400, 422) },
      },
    },
    async (request) => {
      await service.completePasswordReset(ctx, request.body.token, request.body.password);
      return { status: 'password_changed' };
    },
  );

  app.get(
    '/auth/csrf',
    {
      schema: {
        tags,
        summary: 'The CSRF token to send in x-csrf-token with writes',
        response: { 200: z.object({ token: z.string() }), ...errorResponses(401) },
      },
    },
    async (request) => ({ token: csrfTokenFor(app.ctx.sessionSecret, requireSignedIn(request.actor).sessionId) }),
  );

  app.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'The signed-in person, with status, schools, roles and abilities',
        response: { 200: MeResponse, ...errorResponses(401) },
      },
    },
    async (request) =>
      service.getMe(
        ctx,
        requireSignedIn(request.actor),
        isDevelopmentLocal(app.config.env, request),
        requestLocale(request),
      ),
  );

  app.put(
    '/me/profile',
    {
      schema: {
        tags,
        summary: 'Complete or edit one’s profile',
        body: ProfileUpdate,
        response: { 200: MeResponse, ...errorResponses(401, 422) },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request.actor);
      await service.updateProfile(ctx, actor, request.body);
      return service.getMe(
        ctx,
        { ...actor, profileCompleted: true },
        isDevelopmentLocal(app.config.env, request),
        requestLocale(request),
      );
    },
  );

  app.get(
    '/me/sessions',
    {
      schema: {
        tags,
        summary: 'Open sessions',
        response: {
          200: z.object({
            sessions: z.array(
              z.object({
                id: z.string(),
                current: z.boolean(),
                createdAt: z.string(),
                lastSeenAt: z.string(),
                userAgent: z.string(),
                ip: z.string(),
              }),
            ),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => ({ sessions: await service.listMySessions(ctx, requireSignedIn(request.actor)) }),
  );

  app.delete(
    '/me/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Close a session',
        params: z.object({ id: z.string().max(100) }),
        response: { 204: z.null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      await service.revokeSession(ctx, actor, request.params.id);
      if (request.params.id === actor.sessionId) app.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me/export',
    {
      schema: {
        tags,
        summary: 'Download my data (JSON)',
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request.actor);
      reply
        .header('content-disposition', `attachment; filename="opentwinning-${actor.username}.json"`)
        .header('cache-control', 'no-store');
      return service.downloadMyData(ctx, actor);
    },
  );

  app.post(
    '/me/delete',
    {
      schema: {
        tags,
        summary: 'Delete my account',
        body: z.object({ password: z.string().min(1).max(200) }),
        response: { 204: z.null(), ...errorResponses(401, 422) },
      },
    },
    async (request, reply) => {
      await service.deleteMyAccount(ctx, requireSignedIn(request.actor), request.body.password);
      app.clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/people/:username',
    {
      schema: {
        tags,
        summary: 'Another member’s profile (validated members only)',
        params: z.object({ username: z.string().max(60) }),
        response: {
          200: z.object({
            username: z.string(),
            firstName: z.string(),
            lastName: z.string(),
            schoolRole: z.string().nullable(),
            subjects: z.array(z.string()),
            languages: z.array(z.string()),
            presentation: z.string(),
            lookingForPartners: z.boolean(),
            schools: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                city: z.string(),
                countryCode: z.string(),
                regionName: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      requireValidated(request.actor);
      return service.getPublicProfile(ctx, request.params.username, requestLocale(request));
    },
  );
};
