import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ROLE_PERMISSIONS, type Permission, type Role } from '@zhanggui/shared';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { accounts } from '../accounts/accounts.table.ts';
import { hashPassword } from './password.ts';
import { accountMembers, operators } from './operators.table.ts';
import { createOperatorInput } from './operators.schema.ts';

export interface Operator {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
}

export interface Membership {
  accountId: number;
  role: Role;
  permissions: readonly Permission[];
}

/** Operators and their roles on accounts. */
export class OperatorsService {
  constructor(private readonly db: Database) {}

  async create(raw: z.input<typeof createOperatorInput>): Promise<Operator> {
    const input = createOperatorInput.parse(raw);
    const passwordHash = await hashPassword(input.password);
    const rows = await this.db.orm
      .insert(operators)
      .values({ username: input.username, displayName: input.displayName, passwordHash, isAdmin: input.isAdmin })
      .onConflictDoNothing()
      .returning();
    if (!rows[0]) throw new AppError('OPERATOR_USERNAME_TAKEN', { username: input.username });
    return present(rows[0]);
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('select count(*)::int as n from operators');
    return row!.n;
  }

  async list(): Promise<Operator[]> {
    return (await this.db.orm.select().from(operators).orderBy(asc(operators.id))).map(present);
  }

  async get(id: number): Promise<Operator | null> {
    const [row] = await this.db.orm.select().from(operators).where(and(eq(operators.id, id), eq(operators.disabled, false)));
    return row ? present(row) : null;
  }

  async findByUsername(username: string): Promise<(Operator & { passwordHash: string }) | null> {
    const [row] = await this.db.orm.select().from(operators).where(and(eq(operators.username, username.toLowerCase()), eq(operators.disabled, false)));
    return row ? { ...present(row), passwordHash: row.passwordHash } : null;
  }

  async setPassword(id: number, password: string): Promise<void> {
    await this.db.orm.update(operators).set({ passwordHash: await hashPassword(password) }).where(eq(operators.id, id));
  }

  async recordLogin(id: number): Promise<void> {
    await this.db.orm.update(operators).set({ lastLoginAt: new Date() }).where(eq(operators.id, id));
  }

  /** The operator's role on an account, or null when they are not a member. */
  async membership(operatorId: number, accountId: number): Promise<Membership | null> {
    const [row] = await this.db.orm
      .select({ role: accountMembers.role })
      .from(accountMembers)
      .where(and(eq(accountMembers.operatorId, operatorId), eq(accountMembers.accountId, accountId)));
    return row ? { accountId, role: row.role, permissions: ROLE_PERMISSIONS[row.role] } : null;
  }

  /** Accounts the operator belongs to, with their role. */
  async accountsOf(operatorId: number): Promise<Array<{ id: number; name: string; appId: string; role: Role }>> {
    return this.db.orm
      .select({ id: accounts.id, name: accounts.name, appId: accounts.appId, role: accountMembers.role })
      .from(accountMembers)
      .innerJoin(accounts, eq(accounts.id, accountMembers.accountId))
      .where(eq(accountMembers.operatorId, operatorId))
      .orderBy(asc(accounts.id));
  }

  async members(accountId: number): Promise<Array<{ operator: Operator; role: Role }>> {
    const rows = await this.db.orm
      .select({ operator: operators, role: accountMembers.role })
      .from(accountMembers)
      .innerJoin(operators, eq(operators.id, accountMembers.operatorId))
      .where(eq(accountMembers.accountId, accountId))
      .orderBy(asc(operators.id));
    return rows.map((row) => ({ operator: present(row.operator), role: row.role }));
  }

  /** Adds or changes a member's role; an account always keeps at least one owner. */
  async setRole(accountId: number, operatorId: number, role: Role): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('select id from accounts where id = $1 for update', [accountId]);
      const [current] = await tx.query<{ role: Role }>('select role from account_members where account_id = $1 and operator_id = $2', [accountId, operatorId]);
      if (current?.role === 'owner' && role !== 'owner') await assertAnotherOwner(tx, accountId, operatorId);
      await tx.query(
        `insert into account_members (account_id, operator_id, role) values ($1, $2, $3)
         on conflict (account_id, operator_id) do update set role = excluded.role`,
        [accountId, operatorId, role],
      );
    });
  }

  async removeMember(accountId: number, operatorId: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('select id from accounts where id = $1 for update', [accountId]);
      const [current] = await tx.query<{ role: Role }>('select role from account_members where account_id = $1 and operator_id = $2', [accountId, operatorId]);
      if (!current) throw new AppError('OPERATOR_NOT_FOUND', { operatorId });
      if (current.role === 'owner') await assertAnotherOwner(tx, accountId, operatorId);
      await tx.query('delete from account_members where account_id = $1 and operator_id = $2', [accountId, operatorId]);
    });
  }

  /** Members who may answer conversations, for assignment (round-robin takes them in id order). */
  async agents(accountId: number): Promise<number[]> {
    const rows = await this.db.query<{ operator_id: number }>(
      `select m.operator_id from account_members m join operators o on o.id = m.operator_id
        where m.account_id = $1 and m.role in ('agent', 'admin', 'owner') and not o.disabled order by (m.role = 'agent') desc, m.operator_id`,
      [accountId],
    );
    return rows.map((row) => row.operator_id);
  }

  /** Display names by id, for presenting assignees and senders. */
  async names(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<{ id: number; display_name: string }>('select id, display_name from operators where id = any($1::int[])', [ids]);
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }
}

async function assertAnotherOwner(tx: { query: Database['query'] }, accountId: number, operatorId: number): Promise<void> {
  const [other] = await tx.query<{ n: number }>(
    `select count(*)::int as n from account_members where account_id = $1 and role = 'owner' and operator_id <> $2`,
    [accountId, operatorId],
  );
  if (!other || other.n === 0) throw new AppError('LAST_OWNER');
}

function present(row: typeof operators.$inferSelect): Operator {
  return { id: row.id, username: row.username, displayName: row.displayName, isAdmin: row.isAdmin };
}

