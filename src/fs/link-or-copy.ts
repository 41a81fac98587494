import { copyFileSync, linkSync } from 'node:fs';

/**
 * Hard-links `src` as `dest` (which must not exist): no bytes written and no new inode, which is what creating a
 * file costs on these disks. Copies where a link cannot be made (another file system, too many links).
 */
export function linkOrCopy(src: string, dest: string): void {
  try {
    linkSync(src, dest);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EXDEV' || code === 'EPERM' || code === 'EMLINK') copyFileSync(src, dest);
    else throw e;
  }
}
