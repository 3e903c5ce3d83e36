// Every table of the platform, gathered for Drizzle and drizzle-kit.
export * from '../../modules/countries/countries.tables.ts';
export * from '../settings.tables.ts';
