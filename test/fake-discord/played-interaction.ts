import type { Json, PlayedInteraction, RecordedResponse, ReturnedError } from './types.js';

interface Waiter {
  predicate: (response: RecordedResponse) => boolean;
  resolve: (response: RecordedResponse) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One dispatched interaction: its deadline, what the bot answered, and what the user sees. */
export class InteractionRecord implements PlayedInteraction {
  readonly id: string;
  readonly token: string;
  readonly acknowledged: Promise<RecordedResponse>;
  readonly dispatchedAt = Date.now();
  /** The callback type that acknowledged it, once acknowledged. */
  ackType: number | undefined;
  /** The @original message as Discord holds it (including a deferred "thinking" one). */
  original: Json | undefined;
  /** Follow-up messages by id. */
  readonly followUps = new Map<string, Json>();
  private shown: Json | undefined;
  private readonly recorded: RecordedResponse[] = [];
  private readonly failures: ReturnedError[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly ackTimer: NodeJS.Timeout;
  private settleAck: ((response: RecordedResponse) => void) | undefined;
  private failAck: ((error: Error) => void) | undefined;
  private timedOut = false;

  constructor(
    readonly payload: Json,
    private readonly ackTimeoutMs: number,
  ) {
    this.id = payload.id;
    this.token = payload.token;
    this.acknowledged = new Promise((resolve, reject) => {
      this.settleAck = resolve;
      this.failAck = reject;
    });
    // Tests that never await `acknowledged` must not see an unhandled rejection.
    this.acknowledged.catch(() => undefined);
    this.ackTimer = setTimeout(() => {
      this.timedOut = true;
      this.rejectAck(`Interaction ${this.id} was not acknowledged within ${ackTimeoutMs} ms`);
    }, ackTimeoutMs);
  }

  /** Whether the acknowledgement deadline has passed without a callback. */
  isExpired(now = Date.now()): boolean {
    return this.ackType === undefined && (this.timedOut || now - this.dispatchedAt >= this.ackTimeoutMs);
  }

  /** Records a response; the first callback acknowledges the interaction. */
  record(kind: RecordedResponse['kind'], body: Json, type?: number): RecordedResponse {
    const response: RecordedResponse = { interactionId: this.id, kind, ...(type === undefined ? {} : { type }), body, at: Date.now() - this.dispatchedAt };
    this.recorded.push(response);
    if (kind === 'callback' && this.ackType === undefined) {
      this.ackType = type;
      clearTimeout(this.ackTimer);
      this.settleAck?.(response);
      this.settleAck = this.failAck = undefined;
    }
    for (const waiter of [...this.waiters]) if (waiter.predicate(response)) this.settle(waiter, response);
    return response;
  }

  /** Notes an error the fake returned to the bot. */
  fail(error: ReturnedError): void {
    this.failures.push(error);
  }

  /** Sets what the user sees as the original response (undefined once deleted). */
  show(message: Json | undefined): void {
    this.shown = message;
  }

  responses(): RecordedResponse[] {
    return [...this.recorded];
  }

  waitFor(predicate: (r: RecordedResponse) => boolean, timeoutMs = 30_000): Promise<RecordedResponse> {
    const found = this.recorded.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Interaction ${this.id} got no matching response within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = { predicate, resolve, reject, timer };
      this.waiters.add(waiter);
    });
  }

  message(): Json | undefined {
    return this.shown;
  }

  errors(): ReturnedError[] {
    return [...this.failures];
  }

  /** Clears the deadline and fails pending waits, so closing leaves no timer behind. */
  dispose(): void {
    clearTimeout(this.ackTimer);
    this.rejectAck(`fake-discord closed before interaction ${this.id} was acknowledged`);
    for (const waiter of [...this.waiters]) {
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.reject(new Error(`fake-discord closed before interaction ${this.id} got a matching response`));
    }
  }

  private rejectAck(reason: string): void {
    this.failAck?.(new Error(reason));
    this.settleAck = this.failAck = undefined;
  }

  private settle(waiter: Waiter, response: RecordedResponse): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(response);
  }
}
