import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
const HELP_OPTION = { help: { type: 'boolean', default: false } } as const;
type Config<O extends OptionsConfig> = { args: string[]; strict: true; options: O & typeof HELP_OPTION };

/** Strict `parseArgs` (an unknown option throws) plus `--help`, which prints `help` and exits 0. */
export function parseArgsOrHelp<O extends OptionsConfig>(argv: string[], help: string, options: O): ReturnType<typeof parseArgs<Config<O>>>['values'] {
  const config: Config<O> = { args: argv, strict: true, options: { ...options, ...HELP_OPTION } };
  const { values } = parseArgs(config);
  // TypeScript cannot see `help` through the generic O; it is there, added by HELP_OPTION.
  if ((values as { help?: boolean }).help) {
    console.log(help);
    process.exit(0);
  }
  return values;
}

export function positiveInt(name: string, raw: string, min = 1): number {
  return intInRange(name, raw, min, Number.MAX_SAFE_INTEGER);
}

export function intInRange(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be an integer ${max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`}, not "${raw}"`);
  }
  return value;
}
