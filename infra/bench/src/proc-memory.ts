import { readFileSync } from 'node:fs';

/**
 * A process's memory from /proc/<pid>/status, in MiB: `VmRSS` is its resident set now, `VmHWM` the
 * highest it has been (the kernel's own peak, so no sampling can miss a spike). Linux only, like
 * every benchmark here; NaN when the process is gone.
 */
export function vmMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}
