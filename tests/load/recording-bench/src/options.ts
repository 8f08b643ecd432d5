import { parseArgsOrHelp, positiveInt } from '../../shared/cli-options';

export interface BenchOptions {
  updates: number;
  minutes: number;
  seeks: number;
  /** In-process runs of the job body; the median counts for the floor. */
  builds: number;
  /** Random moments checked against the log, on top of the edge moments. */
  verify: number;
  seed: number;
  /** Skip the api: no worker run, seeks through RecordingsRepository.stateAt only. */
  api: boolean;
  /** Profile one extra in-process build and print where its time went; the .cpuprofile goes to this file if given. */
  profile: boolean;
  profileOut: string | undefined;
  timeoutSeconds: number;
  jsonOut: string | undefined;
}

const HELP = `Usage: npm run bench:recording -- [options]

  --updates N       Yjs updates in the synthetic session (default 50000)
  --minutes N       session length, 45 or 60 (default 60)
  --seeks N         random moments timed through state?at= (default 1000)
  --builds N        in-process runs of the job body; the median counts (default 3)
  --verify N        random moments checked against the log, besides the edge moments (default 100)
  --seed N          seed of the synthetic session and the moments (default 1)
  --no-api          do not start the api: no worker run, seeks through RecordingsRepository.stateAt only
  --profile         profile one extra build in-process and print where the time went
  --profile-out F   also write that .cpuprofile to F
  --timeout S       hard limit for the whole run (default 900)
  --json-out FILE   also write every figure as JSON
`;

export function parseOptions(argv: string[]): BenchOptions {
  const values = parseArgsOrHelp(argv, HELP, {
    updates: { type: 'string', default: '50000' },
    minutes: { type: 'string', default: '60' },
    seeks: { type: 'string', default: '1000' },
    builds: { type: 'string', default: '3' },
    verify: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    'no-api': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-out': { type: 'string' },
    timeout: { type: 'string', default: '900' },
    'json-out': { type: 'string' },
  });
  const minutes = positiveInt('minutes', values.minutes);
  if (minutes !== 45 && minutes !== 60) throw new Error('--minutes must be 45 or 60 (the interview lengths)');
  return {
    updates: positiveInt('updates', values.updates),
    minutes,
    seeks: positiveInt('seeks', values.seeks),
    builds: positiveInt('builds', values.builds),
    verify: positiveInt('verify', values.verify),
    seed: positiveInt('seed', values.seed),
    api: !values['no-api'],
    profile: values.profile || values['profile-out'] !== undefined,
    profileOut: values['profile-out'],
    timeoutSeconds: positiveInt('timeout', values.timeout),
    jsonOut: values['json-out'],
  };
}
