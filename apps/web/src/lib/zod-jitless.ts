import { z } from 'zod';

// zod compiles object parsers with `new Function` where it may, and probes for that when a schema is
// built. Our CSP allows no eval, so the probe was reported as a violation on every page; the interpreted
// parsers are quick enough for forms. Imported first by main.tsx: schemas are built as modules load.
z.config({ jitless: true });
