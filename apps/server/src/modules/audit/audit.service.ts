import type { AuditEntry, Page } from '@zhanggui/shared';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.ts';

export interface AuditRecord {
  accountId: number | null;
  operatorId: number | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown> | null;
  ip?: string | null;
}

/** The audit trail: who did what, when, on which account. */
export class AuditService {
  constructor(private readonly db: Database) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.db.query('insert into audit_log (account_id, operator_id, action, target, details, ip) values ($1, $2, $3, $4, $5, $6)', [
      entry.accountId,
      entry.operatorId,
      entry.action,
      entry.target ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
      entry.ip ?? null,
    ]);
  }

  /** Records an action by the operator of this request on its account. */
  async fromRequest(request: FastifyRequest, action: string, target?: string | null, details?: Record<string, unknown>): Promise<void> {
    await this.record({
      accountId: request.membership?.accountId ?? null,
      operatorId: request.session?.operator.id ?? null,
      action,
      target,
      details,
      ip: request.ip,
    });
  }

  async list(accountId: number, cursor: number | null, limit = 50): Promise<Page<AuditEntry>> {
    const rows = await this.db.query<{ id: number; created_at: Date; operator_id: number | null; display_name: string | null; action: string; target: string | null; details: Record<string, unknown> | null; ip: string | null }>(
      `select a.id, a.created_at, a.operator_id, o.display_name, a.action, a.target, a.details, a.ip
         from audit_log a left join operators o on o.id = a.operator_id
        where a.account_id = $1 and ($2::bigint is null or a.id < $2)
        order by a.id desc limit $3`,
      [accountId, cursor, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => ({
      id: row.id,
      at: row.created_at.toISOString(),
      operator: row.operator_id ? { id: row.operator_id, displayName: row.display_name ?? '' } : null,
      action: row.action,
      target: row.target,
      details: row.details,
      ip: row.ip,
    }));
    return { items, nextCursor: rows.length > limit ? String(items.at(-1)!.id) : null };
  }
}
