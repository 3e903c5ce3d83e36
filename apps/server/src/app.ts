import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { resolveSession } from './modules/accounts/accounts.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { contactsRoutes } from './modules/contacts/contacts.routes.ts';
import { messagesRoutes } from './modules/messages/messages.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { forumRoutes } from './modules/forum/forum.routes.ts';
import { matchingRoutes } from './modules/matching/matching.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { projectsRoutes } from './modules/projects/projects.routes.ts';
import { galleryRoutes } from './modules/projects/gallery.routes.ts';
import { statisticsRoutes } from './modules/statistics/statistics.routes.ts';
import { countriesRoutes } from './modules/countries/countries.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { schoolsRoutes } from './modules/schools/schools.routes.ts';
import { rolesRoutes } from './modules/validation/roles.routes.ts';
import { validationRoutes } from './modules/validation/validation.routes.ts';
import { authPlugin } from './platform/auth/auth.plugin.ts';
import type { PrivacyDurations, ServiceContext } from './platform/context.ts';
import type { Database, Db } from './platform/db/database.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';
import { outboxRoutes } from './platform/mail/outbox.routes.ts';
import { demoRoutes } from './platform/seed/demo.routes.ts';
import { registerErrorHandling, replyNotFound } from './platform/errors.ts';
import { mountWeb, type WebHandler } from './platform/web.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    db: Db;
    config: Pick<Config, 'publicUrl' | 'env'>;
    ctx: ServiceContext;
  }
}

export const defaultPrivacy: PrivacyDurations = { hideAfterDays: 365, anonymiseAfterDays: 3 * 365, warningDays: 30 };

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'publicUrl' | 'env' | 'logLevel' | 'sessionSecret'> &
    Partial<Pick<Config, 'smtpUrl' | 'privacy' | 'trustProxy'>>;
  /** Defaults to SMTP when config.smtpUrl is set, else the outbox only. */
  mailer?: Mailer;
  /** The clock (tests move it). */
  now?: () => Date;
  /** The SvelteKit handler (built web UI); without it only the API is served. */
  web?: WebHandler;
  /** false: no logging (tests, benches). */
  logger?: false;
  /** Where the JSON log lines go (default: stdout). */
  logStream?: { write(line: string): void };
}

export const API_VERSION = '0.1.0';

/** Builds the whole HTTP application: API under /api, web pages everywhere else. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: options.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Query strings can carry secrets (confirmation and head-teacher links): log the path only.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
          ip: req.ip,
        }),
      },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: options.config.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', options.database);
  app.decorate('db', options.database.db);
  app.decorate('config', { publicUrl: options.config.publicUrl, env: options.config.env });
  const mailer =
    options.mailer ??
    createMailer(options.database.db, {
      smtpUrl: options.config.smtpUrl,
      from: `OpenTwinning <no-reply@${new URL(options.config.publicUrl).hostname}>`,
      log: (msg) => app.log.warn(msg),
    });
  const ctx: ServiceContext = {
    db: options.database.db,
    mailer,
    publicUrl: options.config.publicUrl,
    sessionSecret: options.config.sessionSecret,
    privacy: options.config.privacy ?? defaultPrivacy,
    now: options.now ?? (() => new Date()),
  };
  app.decorate('ctx', ctx);
  app.addHook('onClose', async () => {
    if (!options.mailer) await mailer.close();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'OpenTwinning API',
        version: API_VERSION,
        description:
          'The public API of OpenTwinning. Every error answers `{ error: { code, message, fields? } }` with the message in the language of `Accept-Language` (es, en).',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      servers: [{ url: options.config.publicUrl }],
      tags: [
        { name: 'operations', description: 'Health and readiness' },
        { name: 'countries', description: 'Participating countries and support services' },
        { name: 'accounts', description: 'Sign-up, sessions, profiles and personal data' },
        { name: 'schools', description: 'Schools: search and registration' },
        { name: 'validation', description: 'School affiliations and their validation by the support services' },
        { name: 'roles', description: 'Support-service roles' },
        { name: 'contacts', description: 'Contacts between validated teachers' },
        { name: 'messages', description: 'Messages between validated teachers' },
        {
          name: 'open data',
          description:
            'Public statistics as JSON or CSV (format=csv), as of any date, under the Creative Commons Attribution 4.0 licence (CC BY 4.0): reuse them freely, citing OpenTwinning.',
        },
        {
          name: 'statistics',
          description: 'Statistics charts and map, support-service dashboards and historical imports',
        },
      ],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      await api.register(helmet, {
        contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
        crossOriginResourcePolicy: { policy: 'same-origin' },
        referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      });
      await api.register(authPlugin, {
        sessionSecret: options.config.sessionSecret,
        publicUrl: options.config.publicUrl,
        resolveSession: (sessionId: string) => resolveSession(ctx, sessionId),
      });
      await api.register(healthRoutes);
      await api.register(countriesRoutes);
      await api.register(accountsRoutes);
      await api.register(schoolsRoutes);
      await api.register(validationRoutes);
      await api.register(rolesRoutes);
      await api.register(auditRoutes);
      await api.register(contactsRoutes);
      await api.register(messagesRoutes);
      await api.register(searchRoutes);
      await api.register(forumRoutes);
      await api.register(matchingRoutes);
      await api.register(notificationsRoutes);
      await api.register(projectsRoutes);
      await api.register(galleryRoutes);
      await api.register(statisticsRoutes);
      await api.register(outboxRoutes);
      await api.register(demoRoutes);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(swaggerUi, {
        routePrefix: '/docs',
        staticCSP: true,
        uiConfig: { docExpansion: 'list', deepLinking: true },
      });
      api.setNotFoundHandler(replyNotFound);
    },
    { prefix: '/api' },
  );

  if (options.web) await mountWeb(app, options.web);
  else app.setNotFoundHandler(replyNotFound);

  return app;
}
