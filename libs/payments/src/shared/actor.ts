/** Who acts on a request: the authenticated principal, as the payments library needs to know it. */
export interface Actor {
  id: string;
  organizationId: string;
  roles: string[];
}

/** The actor recorded for changes the service makes by itself (settlement, expiry). */
export const SYSTEM_ACTOR = 'system';
