// Every table of the platform, gathered for Drizzle and drizzle-kit.
export * from '../../modules/countries/countries.tables.ts';
export * from '../settings.tables.ts';
export * from '../../modules/accounts/accounts.tables.ts';
export * from '../../modules/schools/schools.tables.ts';
export * from '../../modules/validation/validation.tables.ts';
export * from '../../modules/audit/audit.tables.ts';
export * from '../mail/mail.tables.ts';
export * from '../../modules/contacts/contacts.tables.ts';
export * from '../../modules/messages/messages.tables.ts';
export * from '../../modules/search/search.tables.ts';
export * from '../../modules/forum/forum.tables.ts';
export * from '../../modules/notifications/notifications.tables.ts';
export * from '../events/events.tables.ts';
export * from '../../modules/projects/projects.tables.ts';
export * from '../../modules/twinspace/twinspace.tables.ts';
export * from '../../modules/statistics/statistics.tables.ts';
