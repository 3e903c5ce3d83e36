import {
  CentralSupportResponse,
  CountriesQuery,
  CountriesResponse,
  CountryHistoryResponse,
  Country,
} from '@opentwinning/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLocale } from '../../platform/i18n.ts';
import { errorResponses } from '../../platform/openapi.ts';
import { renderCountriesMap } from './countries.map.ts';
import * as service from './countries.service.ts';

const tags = ['countries'];
const LangQuery = CountriesQuery.pick({ lang: true });

export const countriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/countries',
    {
      schema: {
        tags,
        summary: 'Countries taking part on a date',
        description:
          'The participating countries on `date` (default: today, UTC) with their category, support body and counts per category. ' +
          'Names are in the language of `lang` or Accept-Language.',
        querystring: CountriesQuery,
        response: { 200: CountriesResponse, ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const date = request.query.date ?? service.today();
      reply.header('cache-control', 'public, max-age=300');
      return service.listCountriesOn(app.db, date, requestLocale(request));
    },
  );

  app.get(
    '/countries/map.svg',
    {
      schema: {
        tags,
        summary: 'Map of the countries taking part on a date',
        description: 'An accessible SVG choropleth of Europe and its neighbourhood, coloured by category.',
        querystring: CountriesQuery,
        response: { 200: z.string().describe('image/svg+xml'), ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const date = request.query.date ?? service.today();
      const { countries } = await service.listCountriesOn(app.db, date, locale);
      reply.header('cache-control', 'public, max-age=300').type('image/svg+xml; charset=utf-8');
      return renderCountriesMap(countries, date, locale);
    },
  );

  app.get(
    '/countries/history',
    {
      schema: {
        tags,
        summary: 'Dated history of participation',
        description: 'Every joining and leaving, oldest first, each with its source or note.',
        querystring: LangQuery,
        response: { 200: CountryHistoryResponse, ...errorResponses(422) },
      },
    },
    async (request) => service.countryHistory(app.db, requestLocale(request)),
  );

  app.get(
    '/countries/:code',
    {
      schema: {
        tags,
        summary: 'One country with its regions',
        params: z.object({ code: z.string().regex(/^[A-Za-z]{2}$/, { message: 'country_code' }) }),
        querystring: LangQuery,
        response: {
          200: Country.extend({
            joinedSource: z.string(),
            leftSource: z.string().nullable(),
            usesRegionalStep: z.boolean(),
            regions: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
          }),
          ...errorResponses(404, 422),
        },
      },
    },
    async (request) => service.getCountry(app.db, request.params.code, requestLocale(request)),
  );

  app.get(
    '/support-services/central',
    {
      schema: {
        tags,
        summary: 'The central support service',
        querystring: LangQuery,
        response: { 200: CentralSupportResponse, ...errorResponses(422) },
      },
    },
    async (request) => service.centralService(app.db, requestLocale(request)),
  );
};
