export * from './errors.ts';
export * from './permissions.ts';
export type * from './api.ts';
export type * from './replies-api.ts';
export * from './menus-api.ts';
export * from './csv.ts';
export type * from './broadcasts-api.ts';
export * from './materials-api.ts';
export type * from './loyalty-api.ts';
