import { basket, CARRIERS, PAYMENT_METHODS, trackingNumber } from './catalog';
import { paymentIdFor, shipmentIdFor } from './demoIds';
import type { Story, StoryContext } from './story';
import { FRAUD_NOTES, FRAUD_REASONS, SCENARIOS_BY_STAGE, scenarioBySubject, formatVnd, type TextContext } from './supportTexts';
import { ticketStory } from './ticketStory';
import { DAY, HOUR, MIN, SEC } from './time';

const PAYMENT_FAILURES = ['Số dư ví không đủ', 'Ngân hàng từ chối giao dịch', 'Hết thời gian xác thực OTP', 'Thẻ hết hạn'];
const DELIVERY_FAILURES = ['Không liên lạc được người nhận', 'Người nhận hẹn giao lại', 'Sai địa chỉ giao hàng', 'Người nhận từ chối nhận hàng'];

/**
 * One order's life as its source systems report it: orders_cdc, payments_cdc and the carriers'
 * status files. Checkout is a burst of events minutes apart; pick-up, delivery and any refund come
 * in later bursts, days apart. Along the way: failed payments, fraud screening, cancellations,
 * failed deliveries, and the tickets customers open about all of these.
 */
export function orderStory(c: StoryContext, s: Story): void {
  const { rng, ids } = c;
  const b = basket(rng, c.reseller);
  const orderId = ids.orderId();
  const total = String(b.total);
  let method = c.reseller && rng.chance(0.6) ? 'BANK_TRANSFER' : PAYMENT_METHODS.pick(rng);
  const carrier = CARRIERS.pick(rng);
  const tracking = trackingNumber(rng, carrier);
  const shipmentId = shipmentIdFor(orderId, 1);
  const text: TextContext = { order: orderId, carrier, tracking, product: b.lines[0]?.name ?? 'sản phẩm', amount: formatVnd(b.total) };
  let orderStatus = 'PENDING';
  let captured: { paymentId: string; method: string } | null = null;
  let attempt = 1;

  // Optional extras are single key/value pairs: cheaper than spreading an object per event.
  const order = (status: string, extraKey?: string, extraValue?: string) => {
    const payload: Record<string, string> = { order_id: orderId, status, previous_status: orderStatus, total_vnd: total };
    if (extraKey) payload[extraKey] = extraValue!;
    s.add('order.status.changed', payload);
    orderStatus = status;
  };
  const payment = (type: 'payment.authorized' | 'payment.captured' | 'payment.failed' | 'payment.refunded', paymentId: string, status: string, payMethod: string, amount = total, extraKey?: string, extraValue?: string) => {
    const payload: Record<string, string> = { payment_id: paymentId, order_id: orderId, status, amount_vnd: amount, method: payMethod };
    if (extraKey) payload[extraKey] = extraValue!;
    s.add(type, payload);
  };
  const shipment = (status: string, extraKey?: string, extraValue?: string) => {
    const payload: Record<string, string> = { shipment_id: shipmentId, order_id: orderId, carrier, status, tracking_no: tracking };
    if (extraKey) payload[extraKey] = extraValue!;
    s.add('shipment.status.changed', payload);
  };
  const refundLater = (fromBurst: number, reason: string, amount = total) => {
    if (!captured) return;
    s.burstAt(fromBurst + rng.int(1 * DAY, 4 * DAY));
    payment('payment.refunded', captured.paymentId, 'REFUNDED', captured.method, amount, 'refund_reason', reason);
  };

  // Checkout.
  s.burstAt(0);
  s.add('order.created', { order_id: orderId, status: 'PENDING', total_vnd: total, items_json: JSON.stringify(b.lines), item_count: String(b.itemCount), payment_method: method });
  if (method !== 'COD') {
    s.wait(10 * SEC, 90 * SEC);
    if (rng.chance(0.06)) {
      payment('payment.failed', paymentIdFor(orderId, attempt), 'FAILED', method, total, 'failure_reason', rng.pick(PAYMENT_FAILURES));
      attempt = 2;
      if (rng.chance(0.45)) {
        s.wait(5 * MIN, 40 * MIN);
        order('CANCELLED', 'cancel_reason', 'Thanh toán không thành công');
        return;
      }
      s.wait(1 * MIN, 8 * MIN);
      method = rng.chance(0.5) ? 'COD' : rng.pick(['MOMO', 'ZALOPAY', 'VNPAY', 'CARD']);
    }
    if (method !== 'COD') {
      const paymentId = paymentIdFor(orderId, attempt);
      payment('payment.authorized', paymentId, 'AUTHORIZED', method);
      s.wait(3 * SEC, 60 * SEC);
      payment('payment.captured', paymentId, 'CAPTURED', method);
      captured = { paymentId, method };
    }
  }

  if (rng.chance(c.fraudP)) {
    s.wait(5 * SEC, 2 * MIN);
    s.add('fraud.alert', { alert_id: ids.alertId(), score: (0.7 + rng.next() * 0.29).toFixed(2), reason: rng.pick(FRAUD_REASONS), order_id: orderId });
    if (rng.chance(0.6)) {
      s.wait(3 * MIN, 25 * MIN);
      const agent = rng.pick(c.team.agents);
      const noteId = ids.uuid();
      const body = `${rng.pick(FRAUD_NOTES)} (đơn ${orderId})`;
      s.add('note.added', { note_id: noteId, agent_id: agent.agent_id, body }, { note: { note_id: noteId, customer_id: c.customerId, ticket_id: null, agent_id: agent.agent_id, body, created_at: 0 } });
      if (rng.chance(0.5)) {
        s.wait(1 * MIN, 10 * MIN);
        order('CANCELLED', 'cancel_reason', 'Nghi ngờ gian lận');
        refundLater(s.position.burst, 'Hủy đơn nghi ngờ gian lận');
        return;
      }
    }
  }

  if (captured && rng.chance(c.ticketP * 0.15)) {
    s.wait(2 * MIN, 20 * MIN);
    const after = s.position;
    ticketStory(c, s, scenarioBySubject('Thanh toán bị trừ tiền nhưng đơn chưa xác nhận'), text, orderId);
    s.moveTo(after);
  }

  // The customer changes their mind before shipping, sometimes through a ticket.
  if (rng.chance(0.04)) {
    if (rng.chance(0.35)) {
      s.wait(2 * MIN, 40 * MIN);
      ticketStory(c, s, scenarioBySubject('Hủy đơn hàng'), text, orderId);
      s.wait(1 * MIN, 5 * MIN);
    } else s.wait(2 * MIN, 60 * MIN);
    order('CANCELLED', 'cancel_reason', 'Khách hàng yêu cầu hủy');
    const cancelledAt = s.position.burst;
    if (captured && rng.chance(0.35)) {
      // The refund takes days; some customers ask about it first.
      s.burstAt(cancelledAt + rng.int(2 * DAY, 3 * DAY));
      ticketStory(c, s, scenarioBySubject('Yêu cầu hoàn tiền'), text, orderId);
      refundLater(s.position.burst, 'Khách hàng hủy đơn');
    } else refundLater(cancelledAt, 'Khách hàng hủy đơn');
    return;
  }

  s.wait(1 * MIN, 15 * MIN);
  order('CONFIRMED');
  s.wait(5 * MIN, 45 * MIN);
  shipment('CREATED');

  const pickup = rng.int(14 * HOUR, 36 * HOUR);
  s.burstAt(pickup);
  shipment('PICKED_UP');
  s.wait(30 * SEC, 3 * MIN);
  order('SHIPPED');
  s.wait(2 * HOUR, 8 * HOUR);
  shipment('IN_TRANSIT');
  if (rng.chance(c.ticketP * 0.5)) {
    s.burstAt(pickup + rng.int(6 * HOUR, 40 * HOUR));
    ticketStory(c, s, SCENARIOS_BY_STAGE.get('SHIPPING')!.pick(rng), text, orderId);
  }

  let deliverAt = pickup + rng.int(1 * DAY, 3.5 * DAY);
  s.burstAt(deliverAt);
  shipment('OUT_FOR_DELIVERY');
  if (rng.chance(0.07)) {
    s.wait(1 * HOUR, 5 * HOUR);
    shipment('FAILED_DELIVERY', 'failure_reason', rng.pick(DELIVERY_FAILURES));
    if (rng.chance(0.35)) {
      s.burstAt(deliverAt + rng.int(1 * DAY, 2 * DAY));
      shipment('RETURNED');
      s.wait(1 * MIN, 30 * MIN);
      order('RETURNED', 'return_reason', 'Giao hàng không thành công');
      refundLater(s.position.burst, 'Giao hàng không thành công');
      return;
    }
    deliverAt += rng.int(1 * DAY, 1.5 * DAY);
    s.burstAt(deliverAt);
    shipment('OUT_FOR_DELIVERY', 'attempt', '2');
  }
  s.wait(20 * MIN, 3 * HOUR);
  shipment('DELIVERED');
  s.wait(30 * SEC, 3 * MIN);
  order('DELIVERED');
  if (!captured) {
    s.wait(5 * SEC, 60 * SEC);
    const paymentId = paymentIdFor(orderId, attempt);
    payment('payment.captured', paymentId, 'CAPTURED', 'COD');
    captured = { paymentId, method: 'COD' };
  }

  if (rng.chance(c.ticketP)) {
    s.burstAt(deliverAt + rng.int(3 * HOUR, 4 * DAY));
    const sc = SCENARIOS_BY_STAGE.get('DELIVERED')!.pick(rng);
    const t = ticketStory(c, s, sc, text, orderId);
    if (!t.resolved) return;
    if (sc.outcome === 'REFUND_PARTIAL') {
      const part = Math.max(1_000, Math.round((b.total * rng.real(0.1, 0.3)) / 1_000) * 1_000);
      s.wait(5 * MIN, 2 * HOUR);
      payment('payment.refunded', captured.paymentId, 'REFUNDED', captured.method, String(part), 'refund_reason', `Hoàn một phần: ${sc.subject.toLowerCase()}`);
    } else if (sc.outcome === 'RETURN') {
      s.burstAt(s.position.burst + rng.int(2 * DAY, 5 * DAY));
      order('RETURNED', 'return_reason', sc.subject);
      refundLater(s.position.burst, `Trả hàng: ${sc.subject.toLowerCase()}`);
    }
  }
}
