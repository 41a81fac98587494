import { closeSync, mkdtempSync, openSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Disk a bench run needs per report, measured at 100,000 (report JSON schema 2): 34 GB of site and downloads, the
 * build's work files (ingest output and cache, stage outputs) and the corpus — 50 GB in all, rounded up.
 */
export const BYTES_PER_REPORT = 550 * 1024;

/** Why a bench of n reports would run out of disk in dir, or null when it fits (a run stopped by ENOSPC wastes its hour). */
export function diskShortfall(n: number, dir: string, free = freeBytes(dir)): string | null {
  const need = n * BYTES_PER_REPORT;
  if (free >= need) return null;
  const gb = (b: number) => `${(b / 2 ** 30).toFixed(1)} GB`;
  return `${n} reports need about ${gb(need)} of disk in ${dir}, and ${gb(free)} is free: free some space, pass --work on a larger disk, or bench fewer reports`;
}

function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/**
 * What creating a file costs in dir, in ms per file (wall, and the kernel's CPU time): on these machines it moves
 * between ~0.05 and ~1.2 ms from hour to hour, and a build creates several files per report.
 */
export function fileCreateCost(dir: string, files = 500): { wallMs: number; kernelMs: number } {
  const probe = mkdtempSync(join(dir, 'create-probe-'));
  try {
    const cpu = process.cpuUsage();
    const t = performance.now();
    for (let i = 0; i < files; i++) closeSync(openSync(join(probe, String(i)), 'w'));
    const wall = performance.now() - t;
    return { wallMs: wall / files, kernelMs: process.cpuUsage(cpu).system / 1000 / files };
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
