import type { FlowInput, FlowSubmission, FlowView, Page } from '@zhanggui/shared';
import type { Database } from '../../platform/db/database.ts';
import { Batcher } from '../../platform/db/batcher.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ACCOUNT_CHANGED } from '../accounts/accounts.service.ts';
import { displayName } from '../inbox/inbox.presenter.ts';
import type { FanState } from '../replies/reply-brain.ts';
import { fold } from '../replies/text-fold.ts';
import { flowInput } from './flows.schema.ts';
import { said } from '../../platform/http/validation-messages.ts';

const ENTRY_FOLD = { ignoreCase: true, foldWidth: true };

interface FlowRow {
  id: number;
  name: string;
  enabled: boolean;
  entry_keywords: string[];
  exit_words: string[];
  exit_message: string;
  timeout_minutes: number;
  start_step: string;
  steps: FlowView['steps'];
  finishers: FlowView['finishers'];
  created_at: Date;
  updated_at: Date;
  active?: number;
  completed?: number;
  submissions?: number;
  winners?: number;
}

const STATS = `(select count(*)::int from flow_sessions s where s.flow_id = f.id and s.expires_at > now()) as active,
  (select count(*)::int from flow_finishers x where x.flow_id = f.id) as completed,
  (select count(*)::int from flow_submissions x where x.flow_id = f.id) as submissions,
  (select count(*)::int from flow_submissions x where x.flow_id = f.id and x.winner) as winners`;

/** Conversation flows: definitions, the fans' state in them, who finished first, what they submitted. */
export class FlowsService {
  private readonly states: Batcher<{ accountId: number; openid: string }, FanState>;

  constructor(private readonly db: Database) {
    this.states = new Batcher((keys) => this.loadStates(keys), { maxBatch: 500, concurrency: 1 });
  }

  async list(accountId: number): Promise<FlowView[]> {
    const rows = await this.db.query<FlowRow>(`select f.*, ${STATS} from flows f where f.account_id = $1 order by f.id`, [accountId]);
    return rows.map(present);
  }

  async get(accountId: number, flowId: number): Promise<FlowView> {
    const [row] = await this.db.query<FlowRow>(`select f.*, ${STATS} from flows f where f.account_id = $1 and f.id = $2`, [accountId, flowId]);
    if (!row) throw new AppError('NOT_FOUND', { flowId });
    return present(row);
  }

  async create(accountId: number, raw: FlowInput): Promise<FlowView> {
    const input = flowInput.parse(raw);
    await this.assertEntriesFree(accountId, null, input);
    const [row] = await this.db.query<{ id: number }>(
      `insert into flows (account_id, name, enabled, entry_keywords, exit_words, exit_message, timeout_minutes, start_step, steps, finishers)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [accountId, input.name, input.enabled, JSON.stringify(input.entryKeywords), JSON.stringify(input.exitWords), input.exitMessage, input.timeoutMinutes, input.startStep, JSON.stringify(input.steps), input.finishers ? JSON.stringify(input.finishers) : null],
    );
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
    return this.get(accountId, row!.id);
  }

  async update(accountId: number, flowId: number, raw: FlowInput): Promise<FlowView> {
    const input = flowInput.parse(raw);
    await this.assertEntriesFree(accountId, flowId, input);
    const rows = await this.db.query(
      `update flows set name = $3, enabled = $4, entry_keywords = $5, exit_words = $6, exit_message = $7, timeout_minutes = $8,
              start_step = $9, steps = $10, finishers = $11, updated_at = now()
        where account_id = $1 and id = $2 returning id`,
      [accountId, flowId, input.name, input.enabled, JSON.stringify(input.entryKeywords), JSON.stringify(input.exitWords), input.exitMessage, input.timeoutMinutes, input.startStep, JSON.stringify(input.steps), input.finishers ? JSON.stringify(input.finishers) : null],
    );
    if (!rows.length) throw new AppError('NOT_FOUND', { flowId });
    // Fans on a step that no longer exists leave the flow rather than get stuck.
    await this.db.query('delete from flow_sessions where account_id = $1 and flow_id = $2 and not (step = any($3::text[]))', [accountId, flowId, input.steps.map((s) => s.id)]);
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
    return this.get(accountId, flowId);
  }

  /** An entry keyword starts one flow: another enabled flow of the account may not claim it too. */
  private async assertEntriesFree(accountId: number, flowId: number | null, input: { enabled: boolean; entryKeywords: string[] }): Promise<void> {
    if (!input.enabled || input.entryKeywords.length === 0) return;
    const others = await this.db.query<{ name: string; entry_keywords: string[] }>(
      'select name, entry_keywords from flows where account_id = $1 and enabled and ($2::int is null or id <> $2)',
      [accountId, flowId],
    );
    const taken = new Map<string, string>();
    for (const other of others) for (const keyword of other.entry_keywords) taken.set(fold(keyword.trim(), ENTRY_FOLD), other.name);
    const conflicts = input.entryKeywords.flatMap((keyword, i) => {
      const owner = taken.get(fold(keyword.trim(), ENTRY_FOLD));
      return owner ? [{ path: `entryKeywords.${i}`, message: said('entryKeywordTaken', keyword, owner) }] : [];
    });
    if (conflicts.length) throw new AppError('VALIDATION_FAILED', conflicts);
  }

  async remove(accountId: number, flowId: number): Promise<void> {
    const rows = await this.db.query('delete from flows where account_id = $1 and id = $2 returning id', [accountId, flowId]);
    if (!rows.length) throw new AppError('NOT_FOUND', { flowId });
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
  }

  async submissions(accountId: number, flowId: number, cursor: number | null, lang: 'zh' | 'en'): Promise<Page<FlowSubmission>> {
    await this.get(accountId, flowId);
    const rows = await this.db.query<{ id: number; fan_id: number; openid: string; remark: string | null; data: Record<string, string>; score: number; rank: number | null; winner: boolean; created_at: Date }>(
      `select s.id, s.fan_id, f.openid, f.remark, s.data, s.score, s.rank, s.winner, s.created_at
         from flow_submissions s join fans f on f.id = s.fan_id
        where s.account_id = $1 and s.flow_id = $2 and ($3::bigint is null or s.id < $3) order by s.id desc limit 51`,
      [accountId, flowId, cursor],
    );
    const items = rows.slice(0, 50).map((r) => ({
      id: r.id,
      fan: { id: r.fan_id, openid: r.openid, displayName: displayName(r, lang) },
      data: r.data,
      score: r.score,
      rank: r.rank,
      winner: r.winner,
      createdAt: r.created_at.toISOString(),
    }));
    return { items, nextCursor: rows.length > 50 ? String(items.at(-1)!.id) : null };
  }

  /** A fan's flow state and last location, batched with concurrent lookups. */
  fanState(accountId: number, openid: string): Promise<FanState> {
    return this.states.load({ accountId, openid });
  }

  /**
   * Records that a fan reached an end step; returns their rank (1 = first). The flow's row is locked for
   * the step, so concurrent finishers get distinct ranks, and a fan finishing again keeps theirs.
   */
  async finish(flowId: number, openid: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query('select 1 from flows where id = $1 for update', [flowId]);
      const [existing] = await tx.query<{ rank: number }>('select rank from flow_finishers where flow_id = $1 and openid = $2', [flowId, openid]);
      if (existing) return existing.rank;
      const [row] = await tx.query<{ finisher_count: number }>('update flows set finisher_count = finisher_count + 1 where id = $1 returning finisher_count', [flowId]);
      const rank = row?.finisher_count ?? 1;
      await tx.query('insert into flow_finishers (flow_id, openid, rank) values ($1, $2, $3)', [flowId, openid, rank]);
      return rank;
    });
  }

  private async loadStates(keys: Array<{ accountId: number; openid: string }>): Promise<FanState[]> {
    const rows = await this.db.query<{ i: number; flow_id: number | null; step: string | null; data: Record<string, string> | null; score: number | null; started_at: Date | null; expires_at: Date | null; last_latitude: number | null; last_longitude: number | null }>(
      `select k.i, s.flow_id, s.step, s.data, s.score, s.started_at, s.expires_at, f.last_latitude, f.last_longitude
         from unnest($1::int[], $2::text[]) with ordinality as k(account_id, openid, i)
         left join flow_sessions s on s.account_id = k.account_id and s.openid = k.openid
         left join fans f on f.account_id = k.account_id and f.openid = k.openid`,
      [keys.map((k) => k.accountId), keys.map((k) => k.openid)],
    );
    const byIndex = new Map(rows.map((row) => [Number(row.i), row]));
    return keys.map((_, index) => {
      const row = byIndex.get(index + 1);
      return {
        session:
          row?.flow_id && row.step && row.started_at && row.expires_at
            ? { flowId: row.flow_id, step: row.step, data: row.data ?? {}, score: row.score ?? 0, startedAt: row.started_at.toISOString(), expiresAt: row.expires_at.toISOString() }
            : null,
        lastLocation: row?.last_latitude != null && row.last_longitude != null ? { latitude: row.last_latitude, longitude: row.last_longitude } : null,
      };
    });
  }
}

function present(row: FlowRow): FlowView {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    entryKeywords: row.entry_keywords,
    exitWords: row.exit_words,
    exitMessage: row.exit_message,
    timeoutMinutes: row.timeout_minutes,
    startStep: row.start_step,
    steps: row.steps,
    finishers: row.finishers,
    stats: { active: row.active ?? 0, completed: row.completed ?? 0, submissions: row.submissions ?? 0, winners: row.winners ?? 0 },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
