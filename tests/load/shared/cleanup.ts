type Cleanup = () => Promise<void> | void;

const cleanups: Array<{ name: string; run: Cleanup }> = [];
let running: Promise<void> | undefined;

/** Registers something to undo at exit (stop the api, drop the database); runs newest first. */
export function onCleanup(name: string, run: Cleanup): void {
  cleanups.push({ name, run });
}

/** Runs every registered cleanup once, each bounded in time, whatever happened before. */
function runCleanups(): Promise<void> {
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

/**
 * Ctrl-C, SIGTERM and the hard timeout all end the same way: clean up, then exit non-zero. A second
 * Ctrl-C while cleaning up is ignored so the scratch database is still dropped.
 */
export function installExitHandlers(bench: string, timeoutSeconds: number): void {
  const abort = (why: string): void => {
    if (running) return;
    console.error(`\n${bench}: ${why}; cleaning up`);
    void runCleanups().finally(() => process.exit(2));
  };
  process.on('SIGINT', () => abort('interrupted'));
  process.on('SIGTERM', () => abort('terminated'));
  const timer = setTimeout(() => abort(`hard timeout of ${timeoutSeconds} s reached`), timeoutSeconds * 1000);
  timer.unref();
}

/**
 * Runs a bench's main, cleans up whatever happened, and exits with its code: 0 if every floor passed, 1 if
 * one failed, 2 on an error or an interruption.
 */
export function runBench(bench: string, main: () => Promise<number>): void {
  main()
    .then(
      (code) => code,
      (error: unknown) => {
        // Once an interrupt or the hard timeout started cleaning up, later errors are its echoes.
        if (running) return 2;
        console.error(`${bench} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return 2;
      },
    )
    .then(async (code) => {
      await runCleanups();
      process.exit(code);
    });
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
