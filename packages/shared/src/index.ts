export * from './errors.ts';
export * from './permissions.ts';
export type * from './api.ts';
