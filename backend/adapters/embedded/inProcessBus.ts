import type { EventBus, Topic, TopicMessages, Unsubscribe } from '../../ports/eventBus';

type Handler = (message: never) => void | Promise<void>;

/**
 * The embedded Events adapter. Delivery is in publish order per topic; a handler that throws is
 * isolated (reported through onHandlerError) so one bad consumer cannot stop the others.
 */
export class InProcessBus implements EventBus {
  private readonly handlers = new Map<Topic, Set<Handler>>();
  private closed = false;

  constructor(private readonly onHandlerError: (topic: Topic, err: unknown) => void = () => {}) {}

  async publish<T extends Topic>(topic: T, message: TopicMessages[T]): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    const set = this.handlers.get(topic);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        await (handler as (m: TopicMessages[T]) => void | Promise<void>)(message);
      } catch (err) {
        this.onHandlerError(topic, err);
      }
    }
  }

  async publishMany<T extends Topic>(topic: T, messages: readonly TopicMessages[T][]): Promise<void> {
    for (const m of messages) await this.publish(topic, m);
  }

  subscribe<T extends Topic>(topic: T, handler: (message: TopicMessages[T]) => void | Promise<void>): Unsubscribe {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler as Handler);
    return () => set.delete(handler as Handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
  }
}
