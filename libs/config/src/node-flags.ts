/**
 * V8 flags every service process runs with (infra/start, the Docker image's commands, the benchmarks).
 *
 * On a machine with a lot of memory V8 grows the young generation to 128 MiB (two 64 MiB
 * semi-spaces), and a busy service's RSS follows it. 16 MiB semi-spaces cut the gateway's peak RSS
 * under the intake benchmark from ~457 to ~364 MiB and the forwarder's from ~385 to ~306 MiB, at the
 * same throughput (infra/bench/README.md, "Where the time and memory go").
 *
 * Between major GCs V8 lets the old generation grow by up to 4× the live heap when allocation is
 * fast, and RSS follows the limit, not the live heap. A fixed factor of 1.5 kept the gateway's peak
 * at ~205 instead of ~240–260 MiB and status-sync's at ~200 instead of ~300 MiB, with throughput
 * within the noise of alternating runs (infra/bench/README.md, "Bundles and heap growth").
 */
export const SERVICE_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=16',
  '--heap-growing-percent=50',
];

// Command-line flags, not NODE_OPTIONS: Node refuses --heap-growing-percent there and exits with 9.
// The image's commands (Dockerfile CMD, docker-compose.yml) spell them out; infra/start passes them.
