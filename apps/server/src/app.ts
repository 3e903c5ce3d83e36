import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { countriesRoutes } from './modules/countries/countries.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import type { Database, Db } from './platform/db/database.ts';
import { registerErrorHandling, replyNotFound } from './platform/errors.ts';
import { mountWeb, type WebHandler } from './platform/web.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    db: Db;
    config: Pick<Config, 'publicUrl' | 'env'>;
  }
}

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'publicUrl' | 'env' | 'logLevel'>;
  /** The SvelteKit handler (built web UI); without it only the API is served. */
  web?: WebHandler;
  logger?: FastifyServerOptions['logger'];
}

export const API_VERSION = '0.1.0';

/** Builds the whole HTTP application: API under /api, web pages everywhere else. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: options.config.logLevel,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization'], remove: true },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', options.database);
  app.decorate('db', options.database.db);
  app.decorate('config', { publicUrl: options.config.publicUrl, env: options.config.env });
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
      await api.register(healthRoutes);
      await api.register(countriesRoutes);
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
