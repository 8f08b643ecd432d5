import { useCallback, useState } from 'react';
import { commandErrorMessage, type CommandResult } from './command-errors';

export interface Command<A> {
  /** Sends, and resolves true once the server accepted it. */
  run: (arg: A) => Promise<boolean>;
  pending: boolean;
  /** The last failure, in words; cleared by the next attempt. */
  error: string | null;
}

/** One control's sending state, so each panel shows its own failures next to the button that caused them. */
export function useCommand<A>(send: (arg: A) => Promise<CommandResult>): Command<A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (arg: A) => {
      setPending(true);
      setError(null);
      const result = await send(arg);
      setPending(false);
      if (!result.ok) setError(commandErrorMessage(result.error));
      return result.ok;
    },
    [send],
  );
  return { run, pending, error };
}
