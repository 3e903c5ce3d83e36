import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDevelopmentLocal } from '../client.ts';
import { AppError } from '../errors.ts';
import { DEMO_PASSWORD, demoLogin, demoOfficers, demoTeachers } from './demo-data.ts';
import { demoPeoplePresent } from './demo.seed.ts';

/** In development, the demo accounts for the sign-in page; 404 in production or without demo data. */
export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/demo/accounts',
    {
      schema: {
        tags: ['operations'],
        summary: 'Demo sign-in accounts (development only)',
        response: {
          200: z.object({
            password: z.string(),
            accounts: z.array(z.object({ email: z.string(), role: z.string(), description: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      // Development on this machine only: the demo passwords are public, but not to the network.
      if (!isDevelopmentLocal(app.config.env, request) || !(await demoPeoplePresent(app.db)))
        throw new AppError('NOT_FOUND');
      const teachers = demoTeachers.filter((t, i) => i < 4 || t.state === 'pending').slice(0, 7);
      return {
        password: DEMO_PASSWORD,
        accounts: [
          ...demoOfficers.map((o) => ({
            email: o.email,
            role: o.role,
            description: [`${o.firstName} ${o.lastName}`, o.country, o.region].filter(Boolean).join(' · '),
          })),
          ...teachers.map((t) => ({
            email: demoLogin(t).email,
            role: `teacher_${t.state ?? 'validated'}`,
            description: `${t.first} ${t.last}`,
          })),
        ],
      };
    },
  );
};
