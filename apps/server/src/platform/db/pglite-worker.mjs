// The embedded database's own thread: PGlite (PostgreSQL compiled to WASM) runs synchronously, so on the
// main thread every statement would stall HTTP handling. Here it runs beside the event loop, on the
// second core. Plain JavaScript so it loads without the TypeScript loader. Protocol: see pglite-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const { dataDir, loadDataDir } = workerData;
// int8 as a number when it fits exactly, else as text: the same rule as the PostgreSQL server driver.
const INT8 = 20;
const parseInt8 = (value) => (Number.isSafeInteger(Number(value)) ? Number(value) : value);
const db = await PGlite.create({
  dataDir: dataDir ?? undefined,
  loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined,
  extensions: { pg_trgm },
  parsers: { [INT8]: parseInt8 },
});

const transactions = new Map(); // id -> { tx, finish(commit: boolean) }
let nextTransaction = 1;
const listening = new Map(); // channel -> unsubscribe

const reply = (id, result) => parentPort.postMessage({ id, result });
const fail = (id, error) =>
  parentPort.postMessage({
    id,
    error: {
      message: error?.message ?? String(error),
      code: error?.code,
      detail: error?.detail,
      constraint: error?.constraint,
      table: error?.table,
      column: error?.column,
      severity: error?.severity,
    },
  });

async function handle(message) {
  switch (message.op) {
    case 'query': {
      const target = message.tx ? transactions.get(message.tx)?.tx : db;
      if (!target) throw new Error(`transaction ${message.tx} is not open`);
      const result = await target.query(message.text, message.params ?? [], { rowMode: message.rowMode ?? 'object' });
      return result.rows;
    }
    case 'exec': {
      await db.exec(message.text);
      return null;
    }
    case 'begin': {
      const id = nextTransaction++;
      return new Promise((resolveBegin, rejectBegin) => {
        const done = db.transaction(
          (tx) =>
            new Promise((commit, rollback) => {
              transactions.set(id, { tx, finish: (ok) => (ok ? commit() : rollback(new Error('rolled back'))) });
              resolveBegin(id);
            }),
        );
        transactions.set(-id, { done });
        done.catch(() => {}).finally(() => transactions.delete(-id));
        done.catch((error) => rejectBegin(error));
      });
    }
    case 'commit':
    case 'rollback': {
      const open = transactions.get(message.tx);
      const settled = transactions.get(-message.tx)?.done;
      if (!open || !settled) throw new Error(`transaction ${message.tx} is not open`);
      transactions.delete(message.tx);
      open.finish(message.op === 'commit');
      if (message.op === 'commit') await settled;
      else await settled.catch(() => {});
      return null;
    }
    case 'listen': {
      if (!listening.has(message.channel)) {
        const unsubscribe = await db.listen(message.channel, (payload) =>
          parentPort.postMessage({ notify: message.channel, payload }),
        );
        listening.set(message.channel, unsubscribe);
      }
      return null;
    }
    case 'dump': {
      const blob = await db.dumpDataDir('none');
      return await blob.arrayBuffer();
    }
    case 'close': {
      for (const unsubscribe of listening.values()) await unsubscribe();
      await db.close();
      return null;
    }
    default:
      throw new Error(`unknown op ${message.op}`);
  }
}

parentPort.on('message', (message) => {
  handle(message).then(
    (result) => reply(message.id, result),
    (error) => fail(message.id, error),
  );
});
parentPort.postMessage({ ready: true });
