import { and, asc, eq } from 'drizzle-orm';
import type { CannedReply } from '@zhanggui/shared';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { cannedReplies } from './canned-replies.table.ts';

export const cannedReplyInput = z.object({ title: z.string().trim().min(1).max(40), content: z.string().trim().min(1).max(2000) });

export class CannedRepliesService {
  constructor(private readonly db: Database) {}

  async list(accountId: number): Promise<CannedReply[]> {
    const rows = await this.db.orm.select().from(cannedReplies).where(eq(cannedReplies.accountId, accountId)).orderBy(asc(cannedReplies.id));
    return rows.map(present);
  }

  async create(accountId: number, raw: unknown): Promise<CannedReply> {
    const input = cannedReplyInput.parse(raw);
    const [row] = await this.db.orm.insert(cannedReplies).values({ accountId, ...input }).returning();
    return present(row!);
  }

  async update(accountId: number, id: number, raw: unknown): Promise<CannedReply> {
    const input = cannedReplyInput.parse(raw);
    const [row] = await this.db.orm
      .update(cannedReplies)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(cannedReplies.accountId, accountId), eq(cannedReplies.id, id)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', { id });
    return present(row);
  }

  async remove(accountId: number, id: number): Promise<void> {
    const rows = await this.db.orm.delete(cannedReplies).where(and(eq(cannedReplies.accountId, accountId), eq(cannedReplies.id, id))).returning({ id: cannedReplies.id });
    if (!rows.length) throw new AppError('NOT_FOUND', { id });
  }
}

function present(row: typeof cannedReplies.$inferSelect): CannedReply {
  return { id: row.id, title: row.title, content: row.content };
}
