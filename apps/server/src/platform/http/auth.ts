import type { Permission } from '@zhanggui/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Membership, OperatorsService } from '../../modules/operators/operators.service.ts';
import { csrfMatches, type Session, type SessionsService } from '../../modules/operators/sessions.service.ts';
import { AppError } from './errors.ts';

/** Who may call a route. Every /api route declares exactly one; registration fails otherwise. */
export type Access =
  | { public: true }
  | { signedIn: true }
  | { adminOnly: true }
  /** Routes under /api/accounts/:accountId: the caller's role on that account must grant this. */
  | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: Session | null;
    membership: Membership | null;
  }
}

export const SESSION_COOKIE = 'zg_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and authorization for /api: the session from the cookie, CSRF on every state-changing
 * request (a header the attacker's page cannot set cross-site), and the route's declared access —
 * including the caller's membership of the account in the URL, so no account route can leak another's data.
 */
export async function authPlugin(app: FastifyInstance, options: { sessions: SessionsService; operators: OperatorsService }): Promise<void> {
  const { sessions, operators } = options;
  app.decorateRequest('session', null);
  app.decorateRequest('membership', null);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access (public, signedIn, adminOnly or permission)`);
    const underAccount = route.url.includes(':accountId');
    if (underAccount !== 'permission' in access) {
      throw new Error(`route ${route.url}: routes under /api/accounts/:accountId need a permission, and only they may declare one`);
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (!access || 'public' in access) return;
    request.session = await sessions.resolve(readCookie(request.headers.cookie, SESSION_COOKIE));
    const session = request.session;
    if (!session) throw new AppError('AUTH_REQUIRED');
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(session.csrfToken, headerValue(request.headers['x-csrf-token']))) {
      throw new AppError('CSRF_FAILED');
    }
    if ('adminOnly' in access && !session.operator.isAdmin) throw new AppError('FORBIDDEN');
    if ('permission' in access) {
      const accountId = Number((request.params as { accountId?: string }).accountId);
      const membership = Number.isInteger(accountId) && accountId > 0 ? await operators.membership(session.operator.id, accountId) : null;
      // Not a member: the same answer whether or not the account exists.
      if (!membership || !membership.permissions.includes(access.permission)) throw new AppError('FORBIDDEN');
      request.membership = membership;
    }
  });
}

/** The account id of an account-scoped request (after the access check). */
export function accountOf(request: FastifyRequest): number {
  if (!request.membership) throw new AppError('FORBIDDEN');
  return request.membership.accountId;
}

export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new AppError('AUTH_REQUIRED');
  return request.session;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function sessionCookie(token: string, secure: boolean, maxAgeSeconds = 7 * 86_400): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
