// Every table, gathered for drizzle-kit and the typed client. Each module owns its own file.
export * from '../../modules/accounts/accounts.table.ts';
export * from '../../modules/operators/operators.table.ts';
export * from '../../modules/fans/fans.table.ts';
export * from '../../modules/tags/tags.table.ts';
export * from '../../modules/inbox/messages.table.ts';
export * from '../../modules/inbox/canned-replies.table.ts';
export * from '../../modules/replies/replies.table.ts';
export * from '../../modules/flows/flows.table.ts';
export * from '../../modules/search/knowledge.table.ts';
export * from '../../modules/stores/stores.table.ts';
export * from '../../modules/audit/audit.table.ts';
export * from '../../modules/jobs/jobs.table.ts';
export * from '../../modules/stats/stats.table.ts';
export * from '../../modules/menus/menus.table.ts';
export * from '../../modules/qrcodes/qrcodes.table.ts';
export * from '../../modules/materials/materials.table.ts';
export * from '../../modules/broadcasts/broadcasts.table.ts';
