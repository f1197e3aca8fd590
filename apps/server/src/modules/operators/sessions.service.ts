import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Operator, OperatorsService } from './operators.service.ts';
import { verifyPassword } from './password.ts';

const SESSION_DAYS = 7;
/** Sliding expiry is refreshed at most this often, so an active console does not write on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;
const FAILURE_WINDOW = '15 minutes';
const MAX_FAILURES_PER_USERNAME = 5;
const MAX_FAILURES_PER_IP = 30;

export interface Session {
  id: string;
  operator: Operator;
  csrfToken: string;
}

/** Sign-in, sessions and their CSRF tokens. Failed sign-ins are rate-limited through the database. */
export class SessionsService {
  constructor(
    private readonly db: Database,
    private readonly operators: OperatorsService,
  ) {}

  /** Checks the password and opens a session; returns the cookie token (shown to nobody else). */
  async login(username: string, password: string, meta: { ip: string; userAgent?: string }): Promise<{ token: string; session: Session }> {
    const name = username.trim().toLowerCase();
    const [failures] = await this.db.query<{ by_user: number; by_ip: number }>(
      `select count(*) filter (where username = $1)::int as by_user, count(*) filter (where ip = $2)::int as by_ip
         from login_failures where at > now() - interval '${FAILURE_WINDOW}' and (username = $1 or ip = $2)`,
      [name, meta.ip],
    );
    if (failures && (failures.by_user >= MAX_FAILURES_PER_USERNAME || failures.by_ip >= MAX_FAILURES_PER_IP)) {
      throw new AppError('AUTH_RATE_LIMITED');
    }
    const operator = await this.operators.findByUsername(name);
    const valid = await verifyPassword(operator?.passwordHash ?? null, password);
    if (!operator || !valid) {
      await this.db.query('insert into login_failures (username, ip) values ($1, $2)', [name, meta.ip]);
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }
    await this.db.query('delete from login_failures where username = $1', [name]);
    await this.operators.recordLogin(operator.id);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const id = hashToken(token);
    await this.db.query(
      `insert into sessions (id, operator_id, csrf_token, expires_at, ip, user_agent)
       values ($1, $2, $3, now() + interval '${SESSION_DAYS} days', $4, $5)`,
      [id, operator.id, csrfToken, meta.ip, meta.userAgent?.slice(0, 300) ?? null],
    );
    const { passwordHash: _hash, ...presented } = operator;
    return { token, session: { id, operator: presented, csrfToken } };
  }

  /** The live session for a cookie token, or null. Extends it while in use. */
  async resolve(token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 100) return null;
    const id = hashToken(token);
    const [row] = await this.db.query<{ operator_id: number; csrf_token: string; last_seen_at: Date }>(
      'select operator_id, csrf_token, last_seen_at from sessions where id = $1 and expires_at > now()',
      [id],
    );
    if (!row) return null;
    const operator = await this.operators.get(row.operator_id);
    if (!operator) return null;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await this.db.query(`update sessions set last_seen_at = now(), expires_at = now() + interval '${SESSION_DAYS} days' where id = $1`, [id]);
    }
    return { id, operator, csrfToken: row.csrf_token };
  }

  async logout(sessionId: string): Promise<void> {
    await this.db.query('delete from sessions where id = $1', [sessionId]);
  }

  /** Ends every session of an operator (after a password change), except `keep`. */
  async endAll(operatorId: number, keep?: string): Promise<void> {
    await this.db.query('delete from sessions where operator_id = $1 and id <> coalesce($2, \'\')', [operatorId, keep ?? null]);
  }

  async changePassword(session: Session, currentPassword: string, newPassword: string): Promise<void> {
    const operator = await this.operators.findByUsername(session.operator.username);
    if (!operator || !(await verifyPassword(operator.passwordHash, currentPassword))) throw new AppError('AUTH_INVALID_CREDENTIALS');
    await this.operators.setPassword(operator.id, newPassword);
    await this.endAll(operator.id, session.id);
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}
