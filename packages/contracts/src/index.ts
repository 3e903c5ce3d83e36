export * from './errors.ts';
export * from './countries.ts';
