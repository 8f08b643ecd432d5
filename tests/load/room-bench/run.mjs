// Builds the workspace and the bench, then runs the bench with this command's arguments.
// Usage: npm run bench:room -- --mode load   (see README.md)
import { buildAndRun } from '../shared/build-and-run.mjs';

buildAndRun('room-bench');
