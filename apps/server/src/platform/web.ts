import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { replyNotFound } from './errors.ts';

export type WebHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/** Where the web pages (SvelteKit hooks) find the app, to call the API in-process. */
export const APP_REGISTRY_KEY = Symbol.for('opentwinning.fastify');

/** Headers every page carries (the Content-Security-Policy itself is set by SvelteKit, with nonces). */
const pageHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/**
 * Hands every request that is not /api/* to the SvelteKit handler. The body stream is left
 * untouched for SvelteKit's form actions; responses bypass Fastify's reply, so headers and
 * the access log are written here.
 */
export async function mountWeb(app: FastifyInstance, handler: WebHandler): Promise<void> {
  (globalThis as Record<symbol, unknown>)[APP_REGISTRY_KEY] = app;
  app.addHook('onClose', async () => {
    if ((globalThis as Record<symbol, unknown>)[APP_REGISTRY_KEY] === app) {
      delete (globalThis as Record<symbol, unknown>)[APP_REGISTRY_KEY];
    }
  });
  await app.register(async (web) => {
    web.removeAllContentTypeParsers();
    web.addContentTypeParser('*', (_request, _payload, done) => done(null));
    web.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.url === '/api') return replyNotFound(request, reply);
      request.raw.headers['x-forwarded-proto'] = request.protocol;
      for (const [name, value] of Object.entries(pageHeaders)) reply.raw.setHeader(name, value);
      reply.raw.setHeader('x-request-id', String(request.id));
      const started = process.hrtime.bigint();
      reply.raw.once('finish', () => {
        request.log.info(
          {
            res: { statusCode: reply.raw.statusCode },
            responseTime: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'page completed',
        );
      });
      reply.hijack();
      handler(request.raw, reply.raw);
    });
  });
}
