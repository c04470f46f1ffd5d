/** The processes that run from a bundle, each with its own V8 flags. */
export const SERVICE_PROCESSES = ['gateway', 'forwarder', 'status-sync', 'sandbox-provider'] as const;
export type ServiceProcess = (typeof SERVICE_PROCESSES)[number];

/**
 * On a machine with a lot of memory V8 grows the young generation to 128 MiB (two 64 MiB
 * semi-spaces), and a busy service's RSS follows it. 16 MiB semi-spaces cut the gateway's peak RSS
 * under the intake benchmark from ~457 to ~364 MiB and the forwarder's from ~385 to ~306 MiB, at the
 * same throughput (infra/bench/README.md, "Where the time and memory go").
 */
const EVERY_SERVICE = ['--max-semi-space-size=16'];

/**
 * Between major GCs V8 lets the old generation grow by up to 4× the live heap when allocation is
 * fast, and RSS follows that limit, not the live heap. A fixed 1.5× kept status-sync at ~190–200
 * instead of ~290–300 MiB under the sync benchmark, at the same sweep ÷ raw-batches ratio. Not for
 * the gateway: there it cost 10–20 % CPU per order in alternating runs, for ~55 MiB (infra/bench
 * README, "Bundles and heap growth"); the forwarder is CPU-bound like it.
 */
const BY_SERVICE: Record<ServiceProcess, string[]> = {
  gateway: [],
  forwarder: [],
  'status-sync': ['--heap-growing-percent=50'],
  'sandbox-provider': [],
};

/**
 * The V8 flags a service process runs with (infra/start, the Docker image's commands, the
 * benchmarks). Command-line flags, not NODE_OPTIONS: Node refuses --heap-growing-percent there and
 * exits with 9, so the image's commands (Dockerfile CMD, docker-compose.yml) spell them out.
 */
export function serviceNodeFlags(service: ServiceProcess): readonly string[] {
  return [...EVERY_SERVICE, ...BY_SERVICE[service]];
}
