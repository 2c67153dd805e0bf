/** The actor recorded in the audit log for changes the service makes by itself (settlement, expiry, first-run seeding). */
export const SYSTEM_ACTOR = 'system';

/** The actor recorded for changes made through the operator CLI. */
export const OPERATOR_ACTOR = 'operator';
