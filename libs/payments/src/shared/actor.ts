/** Who acts on a request: the authenticated principal, as the payments library needs to know it. */
export interface Actor {
  id: string;
  organizationId: string;
  roles: string[];
}
