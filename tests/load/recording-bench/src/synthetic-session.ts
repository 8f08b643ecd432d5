import { STEP_IDS, stepBudgetsMs } from '@mockboard/interview';
import { DOC_KEYS } from '@mockboard/protocol';
import type { SeededRandom } from '@mockboard/testing';
import * as Y from 'yjs';

/** Two participants' documents, as the room's hub relays them: 0 the interviewer, 1 the candidate. */
export type Author = 0 | 1;

export interface SyntheticUpdate {
  /** Milliseconds after `started`; never goes down. */
  atMs: number;
  author: Author;
  update: Uint8Array;
}

export interface SyntheticEvent {
  atMs: number;
  /** Null for events no participant made. */
  author: Author | null;
  type: string;
  payload: Record<string, unknown>;
  visibility: 'all' | 'interviewer';
}

export interface SyntheticSession {
  durationMs: number;
  updates: SyntheticUpdate[];
  events: SyntheticEvent[];
  elementsCreated: number;
  notesUpdates: number;
}

/** Excalidraw's own element shape (0.18), replaced whole in the `elements` map on each edit (rule D1). */
type Element = Record<string, unknown> & { id: string; type: string; x: number; y: number; width: number; height: number; version: number };

const FRAME_MS = [16, 50] as const;
/** Users stop to talk: a few long quiet stretches, as the idle-gap stats expect. */
const LONG_PAUSES = 6;

/**
 * A 60-minute whiteboard session between two users, as the room would have logged it: each update is one
 * Yjs transaction of one user's document, relayed to the other. Mostly Excalidraw gestures (draw a shape
 * and drag it to size, move, resize, type a label, draw an arrow, restyle, delete), some typing in the
 * step notes. Times are spread over the session with bursts and quiet stretches. Deterministic per seed.
 */
export function syntheticSession(random: SeededRandom, updateCount: number, durationMinutes: number): SyntheticSession {
  const durationMs = durationMinutes * 60_000;
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  docs[0].clientID = 1_000_001;
  docs[1].clientID = 2_000_002;
  const pending: Array<{ author: Author; update: Uint8Array; gapBeforeMs: number; withinGesture: boolean }> = [];
  let current: { author: Author; first: boolean } = { author: 1, first: true };
  docs.forEach((doc, author) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'relay') return;
      pending.push({ author: author as Author, update, gapBeforeMs: 0, withinGesture: !current.first });
      current.first = false;
      Y.applyUpdate(docs[author === 0 ? 1 : 0], update, 'relay');
    });
  });

  const live: Element[] = [];
  let created = 0;
  let notesUpdates = 0;
  let nextIndex = 0;
  const now = (): number => 1_767_000_000_000 + pending.length * 40;
  const put = (author: Author, element: Element): void => {
    element.version += 1;
    element.versionNonce = random.int(2 ** 31);
    element.updated = now();
    docs[author].getMap<Element>(DOC_KEYS.elements).set(element.id, structuredClone(element));
  };
  const frames = (author: Author, count: number, step: (frame: number) => void, element: Element): void => {
    for (let f = 0; f < count; f++) {
      step(f);
      put(author, element);
    }
  };
  const recent = (): Element | undefined => {
    const alive = live.filter((e) => e.isDeleted !== true);
    if (alive.length === 0) return undefined;
    // People mostly touch what they just drew.
    return random.chance(0.6) ? alive[Math.max(0, alive.length - 1 - random.int(15))] : random.pick(alive);
  };

  const gestures: Array<[weight: number, run: (author: Author) => void]> = [
    [7, (author) => {
      const type = random.pick(['rectangle', 'ellipse', 'diamond'] as const);
      const element = newElement(random, type, `${author}-${created++}`, fractionalIndex(nextIndex++), now());
      live.push(element);
      put(author, element);
      frames(author, 4 + random.int(12), () => ((element.width += 6 + random.int(10)), (element.height += 3 + random.int(8))), element);
    }],
    [3, (author) => {
      const element = newElement(random, 'text', `${author}-${created++}`, fractionalIndex(nextIndex++), now());
      live.push(element);
      put(author, element);
      const label = random.pick(LABELS);
      frames(author, Math.min(label.length, 4 + random.int(16)), (f) => setText(element, label.slice(0, f + 1)), element);
    }],
    [4, (author) => {
      const element = newElement(random, 'arrow', `${author}-${created++}`, fractionalIndex(nextIndex++), now());
      live.push(element);
      put(author, element);
      frames(author, 5 + random.int(10), () => {
        element.width += 8 + random.int(12);
        element.height += random.int(9) - 4;
        element.points = [[0, 0], [element.width, element.height]];
      }, element);
    }],
    [38, (author) => {
      const element = recent();
      if (!element) return;
      frames(author, 5 + random.int(26), () => ((element.x += random.int(13) - 6), (element.y += random.int(9) - 4)), element);
    }],
    [12, (author) => {
      const element = recent();
      if (!element) return;
      frames(author, 4 + random.int(12), () => ((element.width = Math.max(10, element.width + random.int(11) - 5)), (element.height = Math.max(10, element.height + random.int(7) - 3))), element);
    }],
    [6, (author) => {
      const element = recent();
      if (!element) return;
      element.strokeColor = random.pick(COLOURS);
      element.backgroundColor = random.pick(['transparent', ...COLOURS]);
      put(author, element);
    }],
    [1, (author) => {
      const element = recent();
      if (!element) return;
      element.isDeleted = true;
      put(author, element);
    }],
    [9, (author) => {
      const notes = docs[author].getMap<Y.Text>(DOC_KEYS.notes);
      const step = random.pick(STEP_IDS);
      if (!notes.has(step)) notes.set(step, new Y.Text());
      const text = notes.get(step) as Y.Text;
      const words = random.pick(LABELS);
      for (const char of words) {
        text.insert(text.length, char);
        notesUpdates++;
      }
    }],
  ];
  const totalWeight = gestures.reduce((sum, [weight]) => sum + weight, 0);

  while (pending.length < updateCount) {
    // The candidate draws most of the board.
    current = { author: random.chance(0.7) ? 1 : 0, first: true };
    let roll = random.int(totalWeight);
    const gesture = gestures.find(([weight]) => (roll -= weight) < 0) as (typeof gestures)[number];
    gesture[1](current.author);
  }
  pending.length = updateCount;

  // Frames inside a gesture are FRAME_MS apart; what is left of the session goes to the gaps between
  // gestures (exponential, a few of them long), so the last update lands shortly before the end.
  const withinMs = pending.map((p) => (p.withinGesture ? FRAME_MS[0] + random.int(FRAME_MS[1] - FRAME_MS[0]) : 0));
  const gapWeights = pending.map((p) => (p.withinGesture ? 0 : -Math.log(1 - random.next())));
  for (let k = 0; k < LONG_PAUSES; k++) {
    const i = random.int(pending.length);
    if (!pending[i]?.withinGesture) gapWeights[i] = (gapWeights[i] ?? 0) + 300;
  }
  const budget = durationMs - 10_000 - withinMs.reduce((a, b) => a + b, 0);
  if (budget <= 0) throw new Error(`${updateCount} updates do not fit in ${durationMinutes} minutes at one per frame`);
  const gapScale = budget / gapWeights.reduce((a, b) => a + b, 0);
  let atMs = 5_000;
  const updates = pending.map((p, i) => {
    atMs += Math.floor((withinMs[i] ?? 0) + (gapWeights[i] ?? 0) * gapScale);
    return { atMs: Math.min(atMs, durationMs), author: p.author, update: p.update };
  });
  for (const doc of docs) doc.destroy();
  return { durationMs, updates, events: timeline(random, durationMinutes), elementsCreated: created, notesUpdates };
}

/** started, the six step changes at their 60-minute budgets, chat, clarifications, rubric notes, ended. */
function timeline(random: SeededRandom, durationMinutes: number): SyntheticEvent[] {
  const durationMs = durationMinutes * 60_000;
  const budgets = stepBudgetsMs(durationMinutes);
  const events: SyntheticEvent[] = [{ atMs: 0, author: 0, type: 'started', payload: {}, visibility: 'all' }];
  let at = 0;
  for (let i = 1; i < STEP_IDS.length; i++) {
    const from = STEP_IDS[i - 1] as (typeof STEP_IDS)[number];
    at += budgets[from];
    events.push({ atMs: at, author: 0, type: 'step_changed', payload: { from, to: STEP_IDS[i] }, visibility: 'all' });
  }
  for (let i = 0; i < 14; i++) {
    const author = random.int(2) as Author;
    const displayName = author === 0 ? 'Bench Interviewer' : 'Bench Candidate';
    events.push({ atMs: 1 + random.int(durationMs - 2), author, type: 'chat', payload: { displayName, text: random.pick(LABELS) }, visibility: 'all' });
  }
  for (let i = 0; i < 3; i++) {
    const payload = { clarificationId: `c${i}`, question: `Question ${i}?`, answer: `Answer ${i}.` };
    events.push({ atMs: 60_000 + random.int(600_000), author: 0, type: 'clarification_revealed', payload, visibility: 'all' });
  }
  for (let i = 0; i < 4; i++) {
    const payload = { step: random.pick(STEP_IDS), text: `Rubric note ${i}: ${random.pick(LABELS)}` };
    events.push({ atMs: 1 + random.int(durationMs - 2), author: 0, type: 'rubric_note', payload, visibility: 'interviewer' });
  }
  events.push({ atMs: durationMs, author: 0, type: 'ended', payload: {}, visibility: 'all' });
  return events.sort((a, b) => a.atMs - b.atMs);
}

function newElement(random: SeededRandom, type: string, id: string, index: string, updated: number): Element {
  const base: Element = {
    id: `el-${id}-${random.int(2 ** 31).toString(36)}`,
    type,
    x: random.int(3000) - 500,
    y: random.int(2000) - 300,
    width: 10,
    height: 10,
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId: null,
    index,
    roundness: type === 'rectangle' || type === 'diamond' ? { type: 3 } : null,
    seed: random.int(2 ** 31),
    version: 0,
    versionNonce: 0,
    isDeleted: false,
    boundElements: null,
    updated,
    link: null,
    locked: false,
  };
  if (type === 'text') {
    Object.assign(base, { text: '', fontSize: 20, fontFamily: 5, textAlign: 'left', verticalAlign: 'top', containerId: null, originalText: '', autoResize: true, lineHeight: 1.25 });
  }
  if (type === 'arrow') {
    Object.assign(base, {
      points: [[0, 0], [10, 10]],
      lastCommittedPoint: null,
      startBinding: null,
      endBinding: null,
      startArrowhead: null,
      endArrowhead: 'arrow',
      elbowed: false,
    });
  }
  return base;
}

function setText(element: Element, text: string): void {
  element.text = text;
  element.originalText = text;
  element.width = text.length * 11;
  element.height = 25;
}

/** Excalidraw's fractional indices are base-62 keys that sort in drawing order; this is a stand-in that does. */
function fractionalIndex(n: number): string {
  return `a${n.toString(36).padStart(4, '0')}`;
}

const COLOURS = ['#e03131', '#2f9e44', '#1971c2', '#f08c00', '#1e1e1e'];
const LABELS = [
  'feature store',
  'candidate generation',
  'ranking model (two tower)',
  'offline eval: NDCG@10',
  'online A/B, watch time',
  'kafka -> flink -> feature store',
  'cold start: popularity prior',
  'serving p99 < 100 ms',
  'drift monitor on CTR',
  'label: watched > 30 s',
];
