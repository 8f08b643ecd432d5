// V8 flags the api runs with (npm start, the Docker image, the room benchmark). The room's hot path keeps
// each edit's objects alive for a commit round trip (100-500 ms): with V8's default 16 MB semi-space they
// outlive two scavenges, and allocation-site pretenuring then starts allocating them straight into the old
// generation, which grew by ~35 MB/s under load and forced a full collection every few seconds. A larger
// young generation without pretenuring keeps them young: the old generation grows only with the documents.
// Measurements: docs/benchmarks.md, "Third round".
module.exports = ['--max-semi-space-size=64', '--no-allocation-site-pretenuring'];
