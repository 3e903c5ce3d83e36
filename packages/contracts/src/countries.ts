import { z } from 'zod';

export const countryCategories = ['eu_member', 'candidate_or_special', 'etwinning_plus'] as const;
export const CountryCategory = z.enum(countryCategories);
export type CountryCategory = z.infer<typeof CountryCategory>;

export const SupportBody = z.enum(['NSS', 'PSA']);
export type SupportBody = z.infer<typeof SupportBody>;

/** A calendar date written YYYY-MM-DD that exists (2016-02-31 does not). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1;
    },
    { message: 'date_invalid' },
  );

export const SupportService = z.object({
  name: z.string(),
  website: z.string().nullable(),
});

export const Country = z.object({
  code: z.string().length(2),
  name: z.string(),
  category: CountryCategory,
  supportBody: SupportBody,
  joinedOn: z.string(),
  joinedOnApproximate: z.boolean(),
  leftOn: z.string().nullable(),
  hasRegions: z.boolean(),
  supportService: SupportService.nullable(),
});
export type Country = z.infer<typeof Country>;

export const CountriesQuery = z.object({
  date: IsoDate.optional(),
  lang: z.enum(['es', 'en']).optional(),
});

export const CountriesResponse = z.object({
  date: z.string(),
  total: z.number().int(),
  counts: z.object({
    eu_member: z.number().int(),
    candidate_or_special: z.number().int(),
    etwinning_plus: z.number().int(),
  }),
  countries: z.array(Country),
});
export type CountriesResponse = z.infer<typeof CountriesResponse>;

export const CountryHistoryEvent = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['joined', 'left']),
  on: z.string(),
  approximate: z.boolean(),
  source: z.string(),
});

export const CountryHistoryResponse = z.object({
  events: z.array(CountryHistoryEvent),
});
export type CountryHistoryResponse = z.infer<typeof CountryHistoryResponse>;

export const CentralSupportResponse = z.object({
  name: z.string(),
  website: z.string().nullable(),
});
