import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

/**
 * Takes an exclusive lock file beside the embedded database: PGlite has no lock of its own, and two
 * processes writing one data directory would corrupt it. A lock left by a dead process is taken over.
 */
export function acquireLockFile(path: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const mine = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, mine);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && isAlive(holder)) {
        throw new DataDirLockedError(
          `the embedded database at ${dirname(path)} is in use by process ${holder.pid} on ${holder.host} (lock file ${path}). ` +
            'Stop that process, or set DATABASE_URL to share a PostgreSQL server between processes.',
        );
      }
      // Stale: the holder is gone (e.g. killed with -9). Remove and retry once.
      try {
        unlinkSync(path);
      } catch {
        // someone else removed it first
      }
    }
  }
  throw new DataDirLockedError(`could not take the lock file ${path}`);
}

function readHolder(path: string): { pid: number; host: string } | null {
  try {
    const [pid, host] = readFileSync(path, 'utf8').trim().split('@');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host ?? '' } : null;
  } catch {
    return null;
  }
}

function isAlive(holder: { pid: number; host: string }): boolean {
  if (holder.host !== hostname()) return true; // another machine: we cannot tell, so assume it is alive
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
