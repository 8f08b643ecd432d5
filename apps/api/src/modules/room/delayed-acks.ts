import { ACK_OK, type YjsAck } from '@mockboard/protocol';

type Reply = (ack: YjsAck) => void;

/**
 * Commit acknowledgements for one client, held back briefly so they ride along with the next message
 * to that client (usually the other participant's next edit) instead of costing a write of their own,
 * the way TCP delays its ACKs. They never wait longer than `delayMs`, and never before the commit:
 * an acknowledgement still means "committed" (docs/protocol.md, rule P5).
 */
export class DelayedAcks {
  private pending: Reply[] = [];
  private timer: NodeJS.Timeout | undefined;
  private cancelled = false;

  constructor(private readonly delayMs: number) {}

  /** Called on commit; a commit may complete after its client left, and then there is no one to tell. */
  add(reply: Reply): void {
    if (this.cancelled) return;
    if (this.delayMs === 0) return reply(ACK_OK);
    this.pending.push(reply);
    this.timer ??= setTimeout(this.flush, this.delayMs);
  }

  /** Sends everything held back; called whenever something else is about to be written to the client. */
  readonly flush = (): void => {
    if (this.pending.length === 0) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const replies = this.pending;
    this.pending = [];
    for (const reply of replies) reply(ACK_OK);
  };

  /** The client is gone: nothing left to tell it. */
  cancel(): void {
    this.cancelled = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
