import { InteractionRecord } from './played-interaction.js';
import type { Json } from './types.js';

/** Every interaction the fake dispatched, by id and by token. */
export class InteractionStore {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  constructor(private readonly ackTimeoutMs: number) {}

  /** Starts tracking a dispatched INTERACTION_CREATE payload; its ack deadline starts now. */
  add(payload: Json): InteractionRecord {
    const record = new InteractionRecord(payload, this.ackTimeoutMs);
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    return record;
  }

  /** The interaction with this id and token, or undefined when either is unknown. */
  find(id: string, token: string): InteractionRecord | undefined {
    const record = this.byId.get(id);
    return record?.token === token ? record : undefined;
  }

  /** The interaction whose webhook token this is. */
  findByToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  /**
   * Puts an updated message wherever it is shown: the reply or follow-up of the interaction that
   * made it, as Discord shows one message to everyone in the channel.
   */
  replaceMessage(message: Json): void {
    for (const record of this.byId.values()) {
      if (record.original?.id === message.id) {
        record.original = message;
        record.show(message);
      } else if (record.followUps.has(message.id)) {
        record.followUps.set(message.id, message);
      }
    }
  }

  /** Clears every deadline and pending wait. */
  disposeAll(): void {
    for (const record of this.byId.values()) record.dispose();
  }
}
