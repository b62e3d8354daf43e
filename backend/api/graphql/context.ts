import type { Principal } from '../../auth/principal';
import type { Services } from '../../services/services';

export interface GraphQLContext {
  principal: Principal | null;
  services: Services;
}
