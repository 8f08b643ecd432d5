import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Sets this process's nice value for every thread it has. On Linux a priority belongs to a thread, and V8's
 * and libuv's threads exist before the generator's code runs; threads started later inherit the value.
 */
export function setOwnNice(nice: number): void {
  let threads: number[];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    threads = [0]; // no /proc: the calling thread only
  }
  for (const thread of threads) setPriority(thread, nice);
}
