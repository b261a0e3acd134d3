/**
 * The one Drizzle schema: every capability's tables, re-exported here so that drizzle-kit generates a
 * single migration history and the client knows every table. Each capability owns its table file.
 */
export * from '../lmi/schema.ts';
export * from '../catalogue/schema.ts';
