export * from './errors.ts';
export * from './countries.ts';
export * from './accounts.ts';
export * from './paths.ts';
export * from './partners.ts';
export * from './projects.ts';
export * from './statistics.ts';
