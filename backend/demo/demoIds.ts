import { hash32 } from './rng';

const hex8 = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
const VARIANT = '89ab';

/**
 * A v4-shaped UUID (PostgreSQL columns are UUID) that is a pure function of (seed, owner, counter).
 * A 4-round Feistel network over (owner, counter) is a bijection whatever its round function, so
 * two ids of one seed never collide, yet they look random; the middle bits are a hash. Owner 0 is
 * the agents, n is customer n.
 */
export function demoUuid(seed: number, owner: number, counter: number): string {
  let left = owner >>> 0;
  let right = counter >>> 0;
  for (let round = 0; round < 4; round++) {
    const next = (left ^ hash32(seed, round, right)) >>> 0;
    left = right;
    right = next;
  }
  const h1 = hex8(left);
  const h2 = hex8(hash32(seed, owner, counter, 0xb2));
  const h3 = hex8(hash32(seed, owner, counter, 0xc3));
  const h4 = hex8(right);
  const variant = VARIANT[parseInt(h3[0]!, 16) & 3]!;
  return `${h1}-${h2.slice(0, 4)}-4${h2.slice(5, 8)}-${variant}${h3.slice(1, 4)}-${h3.slice(4, 8)}${h4}`;
}

const base36 = (n: number, width: number) => n.toString(36).toUpperCase().padStart(width, '0');

/**
 * Every id one customer's history needs, unique by construction: the customer number and a
 * per-customer counter are part of each id. `orderPrefix` separates the live trickle's orders
 * ("DL" + a tag of its seed) from the generated ones ("DH…", đơn hàng).
 */
export class IdSource {
  private uuids = 0;
  private orders = 0;
  private alerts = 0;

  constructor(
    private readonly seed: number,
    readonly owner: number,
    private readonly orderPrefix = 'DH',
    firstCounter = 0,
  ) {
    this.uuids = firstCounter;
  }

  uuid(): string {
    return demoUuid(this.seed, this.owner, this.uuids++);
  }

  orderId(): string {
    return `${this.orderPrefix}${base36(this.owner, 4)}${base36(this.orders++, 4)}`;
  }

  alertId(): string {
    return `FR-${this.orderPrefix}${base36(this.owner, 4)}${base36(this.alerts++, 3)}`;
  }
}

/** Payment and shipment ids hang off the order id: PAY…-1 is the first attempt. */
export const paymentIdFor = (orderId: string, attempt: number) => `PAY${orderId.slice(2)}-${attempt}`;
export const shipmentIdFor = (orderId: string, attempt: number) => `VD${orderId.slice(2)}-${attempt}`;
