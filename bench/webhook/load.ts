import { Pool } from 'undici';

export interface LoadRequest {
  path: string;
  body: string;
}

export interface LoadResult {
  elapsedMs: number;
  /** Per-request latency in ms, in completion order. */
  latencies: Float64Array;
  statuses: Map<number, number>;
  /** Response bodies by request index (for checking the answers). */
  bodies: string[];
}

/** Sends every request once, keeping `concurrency` in flight over keep-alive connections. */
export async function runLoad(origin: string, requests: LoadRequest[], concurrency: number): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies = new Float64Array(requests.length);
  const bodies: string[] = new Array(requests.length);
  const statuses = new Map<number, number>();
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= requests.length) return;
      const request = requests[index]!;
      const t0 = performance.now();
      const response = await pool.request({ method: 'POST', path: request.path, body: request.body, headers: { 'content-type': 'text/xml' } });
      bodies[index] = await response.body.text();
      latencies[done++] = performance.now() - t0;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  await pool.close();
  return { elapsedMs, latencies, statuses, bodies };
}

export function percentile(sortedAscending: Float64Array, p: number): number {
  if (sortedAscending.length === 0) return 0;
  const index = Math.min(sortedAscending.length - 1, Math.max(0, Math.ceil((p / 100) * sortedAscending.length) - 1));
  return sortedAscending[index]!;
}
