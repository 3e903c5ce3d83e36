import { createHash } from 'node:crypto';
import {
  ChartQuery,
  CountryStatisticsResponse,
  DashboardQuery,
  DashboardResponse,
  MapQuery,
  SeriesQuery,
  SeriesResponse,
  StatisticsImport,
  StatisticsImportRequest,
  StatisticsImportsResponse,
  StatisticsQuery,
  StatisticsResponse,
} from '@opentwinning/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLocale, translate } from '../../platform/i18n.ts';
import { errorResponses } from '../../platform/openapi.ts';
import { dashboard } from './statistics.dashboard.ts';
import './statistics.privacy.ts';
import { checkDate, countryStatisticsAt, statisticsAt } from './statistics.figures.ts';
import { deleteImport, importFigures, listImports } from './statistics.import.ts';
import { seriesAt } from './statistics.series.ts';
import { chartSvg, mapSvg } from './statistics.svg.ts';
import { seriesCsv, statisticsCsv } from './statistics.csv.ts';
import { isoDay } from './statistics.rollup.ts';

const openData = ['open data'];
const tags = ['statistics'];
const Code = z.object({ code: z.string().min(1).max(8) });
const CSV_TYPE = 'text/csv; charset=utf-8';
const LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"';

/**
 * Answers with an ETag (a hash of the body) and a Cache-Control suited to the date: a past day's
 * figures change only with a historical import, today's with every validation. A matching
 * If-None-Match gets 304 without the body.
 */
function cached(request: FastifyRequest, reply: FastifyReply, day: string, today: string, body: string, type: string) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply
    .header('etag', etag)
    .header('cache-control', day < today ? 'public, max-age=3600' : 'public, max-age=300')
    .header('vary', 'Accept-Language')
    .header('link', LICENCE_LINK)
    .type(type);
  const wanted = (request.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (wanted.includes(etag) || wanted.includes('*')) return reply.code(304).send();
  return reply.send(body);
}

const describeDefinitions =
  'Figures as of the end of `date` (UTC; default today). Teachers: people with a validated affiliation to a school of the country ' +
  '(from its validation until they leave the school). Schools: with at least one such teacher. Projects: approved projects in which a ' +
  'school of the country takes or took part, from the later of approval and joining (closed ones included); this school year: those ' +
  'counted since 1 September; active: not closed, with a school of the country still taking part. ' +
  'Europe sums the countries taking part on the date and counts each project once, in its founding country. ' +
  'Licence: CC BY 4.0. `format=csv` answers CSV. ETag and Cache-Control are set; If-None-Match is honoured.';

export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const today = () => isoDay(ctx.now());

  app.get(
    '/open-data/statistics',
    {
      schema: {
        tags: openData,
        summary: 'Europe and every country as of a date (R-STAT-1, R-STAT-3)',
        description: describeDefinitions,
        querystring: StatisticsQuery,
        response: { 200: StatisticsResponse, 304: z.null(), ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const day = checkDate(request.query.date, ctx.now());
      const locale = requestLocale(request);
      const data = await statisticsAt(ctx.db, day, locale);
      return request.query.format === 'csv'
        ? cached(request, reply, day, today(), statisticsCsv(data, translate(locale, 'statistics_europe')), CSV_TYPE)
        : cached(request, reply, day, today(), JSON.stringify(data), 'application/json; charset=utf-8');
    },
  );

  app.get(
    '/open-data/statistics/:code',
    {
      schema: {
        tags: openData,
        summary: 'One country as of a date, with its share, rank and most frequent partner countries',
        description: describeDefinitions,
        params: Code,
        querystring: StatisticsQuery,
        response: { 200: CountryStatisticsResponse, 304: z.null(), ...errorResponses(404, 422) },
      },
    },
    async (request, reply) => {
      const day = checkDate(request.query.date, ctx.now());
      const locale = requestLocale(request);
      const data = await countryStatisticsAt(ctx.db, request.params.code.toUpperCase(), day, locale);
      const europe = translate(locale, 'statistics_europe');
      return request.query.format === 'csv'
        ? cached(request, reply, day, today(), statisticsCsv({ ...data, countries: [data.country] }, europe), CSV_TYPE)
        : cached(request, reply, day, today(), JSON.stringify(data), 'application/json; charset=utf-8');
    },
  );

  app.get(
    '/open-data/series',
    {
      schema: {
        tags: openData,
        summary: 'Time series per month or school year, for Europe or a country (R-STAT-2)',
        description: `${describeDefinitions} Each point holds the figures at the end of its period (the date itself for the running one).`,
        querystring: SeriesQuery,
        response: { 200: SeriesResponse, 304: z.null(), ...errorResponses(404, 422) },
      },
    },
    async (request, reply) => {
      const day = checkDate(request.query.date, ctx.now());
      const data = await seriesAt(ctx.db, {
        country: request.query.country,
        by: request.query.by ?? 'month',
        day,
        locale: requestLocale(request),
      });
      return request.query.format === 'csv'
        ? cached(request, reply, day, today(), seriesCsv(data), CSV_TYPE)
        : cached(request, reply, day, today(), JSON.stringify(data), 'application/json; charset=utf-8');
    },
  );

  app.get(
    '/statistics/map.svg',
    {
      schema: {
        tags,
        summary: 'Choropleth map of the countries by a figure as of a date (accessible SVG)',
        querystring: MapQuery,
        response: { 200: z.string().describe('image/svg+xml'), 304: z.null(), ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const day = checkDate(request.query.date, ctx.now());
      const locale = requestLocale(request);
      const data = await statisticsAt(ctx.db, day, locale);
      const svg = await mapSvg(data, request.query.metric ?? 'teachers', locale);
      return cached(request, reply, day, today(), svg, 'image/svg+xml; charset=utf-8');
    },
  );

  app.get(
    '/statistics/chart.svg',
    {
      schema: {
        tags,
        summary: 'Chart of a figure per month or school year, for Europe or a country (accessible SVG)',
        querystring: ChartQuery,
        response: { 200: z.string().describe('image/svg+xml'), 304: z.null(), ...errorResponses(404, 422) },
      },
    },
    async (request, reply) => {
      const day = checkDate(request.query.date, ctx.now());
      const locale = requestLocale(request);
      const by = request.query.by ?? 'month';
      const data = await seriesAt(ctx.db, { country: request.query.country, by, day, locale });
      const svg = await chartSvg(data, request.query.metric ?? (by === 'month' ? 'teachers' : 'newProjects'), locale);
      return cached(request, reply, day, today(), svg, 'image/svg+xml; charset=utf-8');
    },
  );

  app.get(
    '/statistics/dashboard',
    {
      schema: {
        tags,
        summary: 'Queues, waiting times and the funnel, for NSS (own country) and CSS officers (R-STAT-4)',
        querystring: DashboardQuery,
        response: { 200: DashboardResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => dashboard(ctx, request.actor, request.query.country, requestLocale(request)),
  );

  app.get(
    '/statistics/imports',
    {
      schema: {
        tags,
        summary: 'Imported historical figures (CSS officers)',
        response: { 200: StatisticsImportsResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => listImports(ctx, request.actor),
  );

  app.post(
    '/statistics/imports',
    {
      schema: {
        tags,
        summary: 'Import historical aggregate figures from CSV (CSS officers)',
        description:
          'CSV with the header `date,country,teachers,schools,projects`, one line per country and date, for periods before the ' +
          "platform's own data. All lines or none: errors come as fields `csv.line.N`.",
        body: StatisticsImportRequest,
        response: { 201: StatisticsImport, ...errorResponses(401, 403, 422) },
      },
      bodyLimit: 3_000_000,
    },
    async (request, reply) => reply.code(201).send(await importFigures(ctx, request.actor, request.body)),
  );

  app.delete(
    '/statistics/imports/:id',
    {
      schema: {
        tags,
        summary: 'Delete an import (CSS officers)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteImport(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
