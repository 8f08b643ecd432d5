import type { BenchRoom } from './setup';

/** Messages between the bench and its load-generator processes (IPC with structured-clone serialisation). */
export type ToGenerator =
  | {
      type: 'setup';
      url: string;
      rooms: BenchRoom[];
      /** Edits per second per writing client. */
      rate: number;
      /** Editing at the same rate before the measured window, which starts after it. */
      warmupSeconds: number;
      seconds: number;
      generatorIndex: number;
      generatorCount: number;
      /** Set before connecting, for the generator's whole life. */
      nice: number;
      drainTimeoutMs: number;
    }
  | { type: 'go'; startAt: number }
  | { type: 'close' };

export type FromGenerator =
  | { type: 'ready'; clients: number; writers: number; connectMs: number }
  | { type: 'result'; result: GeneratorResult }
  | { type: 'closed' }
  | { type: 'failed'; error: string };

export interface RoomOutcome {
  sessionId: string;
  /** Edits sent by each writing client of the room (writer index = client index). */
  sentPerWriter: number[];
  /** Keys sent by one client that another client of the room lacks at the end. */
  missing: number;
  /** Every client of the room ended with the same digest. */
  converged: boolean;
  digest: string;
}

export interface GeneratorResult {
  sent: number;
  sentInWindow: number;
  acked: number;
  ackedInWindow: number;
  ackFailures: Record<string, number>;
  roomErrors: Record<string, number>;
  deliveries: number;
  deliveriesInWindow: number;
  expectedDeliveries: number;
  /** Latencies of edits sent in the measured window. */
  measured: LatencySamples;
  /** Latencies of edits sent during the warm-up. */
  warmup: LatencySamples;
  /** How late each edit left compared with its schedule, ms: a busy generator shows here first. */
  sendLagMs: Float64Array;
  disconnects: number;
  pendingAcksAtEnd: number;
  drainMs: number;
  rooms: RoomOutcome[];
}

export interface LatencySamples {
  /** Edit -> arrival at another client of the room, ms, one per delivery. */
  fanoutMs: Float64Array;
  /** The same from when the edit was due by the schedule: includes the generator's own send lag. */
  fanoutFromDueMs: Float64Array;
  /** When each fan-out sample arrived, ms after the measured window opened. */
  fanoutAtMs: Float64Array;
  /** Edit -> commit acknowledgement, ms, one per acked edit. */
  ackMs: Float64Array;
}
