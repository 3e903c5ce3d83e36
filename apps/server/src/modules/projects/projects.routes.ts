import {
  ApprovalDecision,
  InvitationAnswer,
  InvitationCreate,
  ListedUpdate,
  MyProjectsResponse,
  ProjectCreate,
  ProjectDetail,
  ProjectDraftUpdate,
  ProjectQueueFilters,
  ProjectQueueResponse,
  RegionConsent,
  RejectionDecision,
} from '@opentwinning/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLocale } from '../../platform/i18n.ts';
import { errorResponses } from '../../platform/openapi.ts';
import * as service from './projects.service.ts';

const tags = ['projects'];
const Id = z.object({ id: z.uuid() });

export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const detail = (request: { actor: Parameters<typeof service.getProject>[1] }, id: string, locale: 'es' | 'en') =>
    service.getProject(ctx, request.actor, id, locale);

  /** A lifecycle or membership action answered with the project as it now is. */
  const action = (
    path: string,
    summary: string,
    run: (actor: Parameters<typeof service.getProject>[1], id: string, body: never) => Promise<unknown>,
    body?: z.ZodType,
  ) =>
    app.post(
      `/projects/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: Id,
          ...(body ? { body } : {}),
          response: { 200: ProjectDetail, ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        await run(request.actor, request.params.id, request.body as never);
        return detail(request, request.params.id, requestLocale(request));
      },
    );

  app.post(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Found a project (R-PRJ-1): my school, a co-founder among my contacts, a first draft',
        description:
          'The kind (european/national) follows from the two schools and is fixed. 422 PROJECT_NOT_ELIGIBLE with a field: not_a_contact, same_school, cofounder_not_validated, cofounder_school_required, not_your_school.',
        body: ProjectCreate,
        response: { 201: z.object({ id: z.string() }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.foundProject(ctx, request.actor, request.body)),
  );

  app.get(
    '/projects/mine',
    {
      schema: {
        tags,
        summary: 'My projects (founded, partner of, awaiting my answer as co-founder) and invitations',
        response: { 200: MyProjectsResponse, ...errorResponses(401) },
      },
    },
    async (request) => service.myProjects(ctx, request.actor, requestLocale(request)),
  );

  app.get(
    '/project-queue',
    {
      schema: {
        tags,
        summary: 'Projects awaiting a decision of my countries (NSS, CSS) or regions (coordinators), oldest first',
        querystring: ProjectQueueFilters,
        response: { 200: ProjectQueueResponse, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => service.projectQueue(ctx, request.actor, request.query, requestLocale(request)),
  );

  app.get(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'A project with its approval tracker, members and my abilities',
        params: Id,
        response: { 200: ProjectDetail, ...errorResponses(401, 404) },
      },
    },
    async (request) => detail(request, request.params.id, requestLocale(request)),
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Autosave a draft (any subset of the form); on a rejected project, edit it back to draft',
        params: Id,
        body: ProjectDraftUpdate,
        response: { 200: ProjectDetail, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      await service.updateDraft(ctx, request.actor, request.params.id, request.body);
      return detail(request, request.params.id, requestLocale(request));
    },
  );

  app.delete(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Discard a draft',
        params: Id,
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.discardDraft(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  action('submit', 'Submit the draft to the co-founder (422 with the missing fields)', (a, id) =>
    service.submitProject(ctx, a, id),
  );
  action('accept', 'The co-founder accepts: the approvals start', (a, id) => service.acceptAsCofounder(ctx, a, id));
  action('decline', 'The co-founder declines: back to draft', (a, id) => service.declineAsCofounder(ctx, a, id));
  action(
    'consent',
    "A regional coordinator consents for the founder's region",
    (a, id, b: z.infer<typeof RegionConsent>) => service.consentForRegion(ctx, a, id, b.regionId),
    RegionConsent,
  );
  action(
    'approve',
    'An NSS approves for its country; the last approval activates the project and creates its TwinSpace',
    (a, id, b: z.infer<typeof ApprovalDecision>) => service.approveProject(ctx, a, id, b.countryCode),
    ApprovalDecision,
  );
  action(
    'reject',
    'An NSS rejects with a reason; the founders can edit and submit again',
    (a, id, b: z.infer<typeof RejectionDecision>) => service.rejectProject(ctx, a, id, b),
    RejectionDecision,
  );
  action('close', 'Founders close an active project (read-only from then on)', (a, id) =>
    service.closeProject(ctx, a, id),
  );

  app.put(
    '/projects/:id/listed',
    {
      schema: {
        tags,
        summary: 'Founders show or hide the project in the public gallery',
        params: Id,
        body: ListedUpdate,
        response: { 200: ProjectDetail, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      await service.setListed(ctx, request.actor, request.params.id, request.body.listed);
      return detail(request, request.params.id, requestLocale(request));
    },
  );

  app.post(
    '/projects/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite one of my contacts to join an active project as a partner',
        params: Id,
        body: InvitationCreate,
        response: { 201: z.object({ id: z.string() }), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.invitePartner(ctx, request.actor, request.params.id, request.body.username)),
  );

  app.post(
    '/projects/:id/leave',
    {
      schema: {
        tags,
        summary: 'A partner leaves the project (founders cannot)',
        params: Id,
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.leaveProject(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/projects/:id/members/:username',
    {
      schema: {
        tags,
        summary: 'A founder removes a partner (founders cannot be removed: 409)',
        params: z.object({ id: z.uuid(), username: z.string().min(1).max(60) }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.removeMember(ctx, request.actor, request.params.id, request.params.username);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/project-invitations/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation to a project (for one of my schools)',
        params: Id,
        body: InvitationAnswer,
        response: { 200: ProjectDetail, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const projectId = await service.answerInvitation(ctx, request.actor, request.params.id, {
        accept: true,
        schoolId: request.body.schoolId,
      });
      return detail(request, projectId, requestLocale(request));
    },
  );

  app.post(
    '/project-invitations/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline an invitation to a project',
        params: Id,
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.answerInvitation(ctx, request.actor, request.params.id, { accept: false });
      return reply.code(204).send(null);
    },
  );
};
