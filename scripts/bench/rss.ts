import { readFileSync, readdirSync } from 'node:fs';

// Peak resident memory of a process and everything it starts (Astro's threads, Pagefind's binary, worker
// threads), sampled from /proc. The peak is the larger of the highest sampled sum over the process tree and
// the highest high-water mark (VmHWM) any single process reported, so short spikes of one process count too.
// Where /proc is missing (not Linux), the figures stay 0 and the build still runs.

/**
 * Child processes of a process. Node, Astro and Pagefind start processes from their main thread, so only the
 * main task's list is read (reading every thread's list made the sampling itself cost a fifth of a core).
 */
function children(pid: number, allThreads: boolean): number[] {
  const out: number[] = [];
  try {
    for (const tid of allThreads ? readdirSync(`/proc/${pid}/task`) : [String(pid)]) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) for (const c of text.split(/\s+/)) out.push(Number(c));
    }
  } catch { /* the process ended */ }
  return out;
}

function status(pid: number): { rss: number; hwm: number } {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

export interface RssWatch {
  /** Stop sampling; returns the peak in bytes. */
  stop(): number;
  /** Peak so far, in bytes. */
  peak(): number;
}

/** Sample the process tree under `pid` every `ms` milliseconds until stopped. */
export function watchRss(pid: number, ms = 250, allThreads = false): RssWatch {
  let peak = 0;
  const sample = () => {
    const seen = new Set<number>();
    const todo = [pid];
    let sum = 0;
    while (todo.length) {
      const p = todo.pop()!;
      if (seen.has(p)) continue;
      seen.add(p);
      const s = status(p);
      sum += s.rss;
      peak = Math.max(peak, s.hwm);
      todo.push(...children(p, allThreads));
    }
    peak = Math.max(peak, sum);
  };
  sample();
  const timer = setInterval(sample, ms);
  timer.unref();
  return {
    stop() { clearInterval(timer); sample(); return peak; },
    peak: () => peak,
  };
}

export const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
