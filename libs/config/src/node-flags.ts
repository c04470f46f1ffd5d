/**
 * V8 flags every service process runs with (infra/start, the Docker image, the benchmarks).
 *
 * On a machine with a lot of memory V8 grows the young generation to 128 MiB (two 64 MiB
 * semi-spaces), and a busy service's RSS follows it. 16 MiB semi-spaces cut the gateway's peak RSS
 * under the intake benchmark from ~457 to ~364 MiB and the forwarder's from ~385 to ~306 MiB, at the
 * same throughput (infra/bench/README.md, "Where the time and memory go").
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];

/** The same flags as NODE_OPTIONS text, as the image sets them. */
export const SERVICE_NODE_OPTIONS = SERVICE_NODE_FLAGS.join(' ');
