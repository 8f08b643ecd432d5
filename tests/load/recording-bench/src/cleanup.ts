type Cleanup = () => Promise<void> | void;

const cleanups: Array<{ name: string; run: Cleanup }> = [];
let running: Promise<void> | undefined;

/** Registers something to undo at exit (stop the api, drop the database); runs newest first. */
export function onCleanup(name: string, run: Cleanup): void {
  cleanups.push({ name, run });
}

export function isAborting(): boolean {
  return running !== undefined;
}

/** Runs every registered cleanup once, each bounded in time, whatever happened before. */
export function runCleanups(): Promise<void> {
  running ??= (async () => {
    for (const { name, run } of cleanups.splice(0).reverse()) {
      try {
        await withTimeout(Promise.resolve(run()), 20_000, name);
      } catch (error) {
        console.error(`cleanup "${name}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return running;
}

/** Ctrl-C, SIGTERM and the hard timeout all clean up (the scratch database is dropped), then exit 2. */
export function installExitHandlers(timeoutSeconds: number): void {
  const abort = (why: string): void => {
    if (running) return;
    console.error(`\nrecording-bench: ${why}; cleaning up`);
    void runCleanups().finally(() => process.exit(2));
  };
  process.on('SIGINT', () => abort('interrupted'));
  process.on('SIGTERM', () => abort('terminated'));
  const timer = setTimeout(() => abort(`hard timeout of ${timeoutSeconds} s reached`), timeoutSeconds * 1000);
  timer.unref();
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
