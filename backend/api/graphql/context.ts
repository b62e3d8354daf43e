import type { Principal } from '../../auth/principal';
import type { Services } from '../../services/services';

export interface GraphQLContext {
  principal: Principal | null;
  services: Services;
  /** IP and user agent of the request, for the audit trail. */
  from?: import('../requestOrigin').RequestOrigin;
}
