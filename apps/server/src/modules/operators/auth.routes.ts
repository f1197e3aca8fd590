import type { SessionView } from '@zhanggui/shared';
import type { FastifyInstance } from 'fastify';
import { sessionCookie, sessionOf } from '../../platform/http/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OperatorsService } from './operators.service.ts';
import { changePasswordInput, createOperatorInput, loginInput } from './operators.schema.ts';
import type { Session, SessionsService } from './sessions.service.ts';
import { ROLE_PERMISSIONS } from '@zhanggui/shared';

interface Deps {
  sessions: SessionsService;
  operators: OperatorsService;
  audit: AuditService;
  secureCookies: boolean;
}

/** Sign-in, the current session, sign-out, password change; and instance operators. */
export async function authRoutes(app: FastifyInstance, { sessions, operators, audit, secureCookies }: Deps): Promise<void> {
  const present = async (session: Session): Promise<SessionView> => ({
    operator: session.operator,
    csrfToken: session.csrfToken,
    accounts: (await operators.accountsOf(session.operator.id)).map((a) => ({ ...a, permissions: [...ROLE_PERMISSIONS[a.role]] })),
  });

  app.post('/api/auth/login', { config: { access: { public: true } } }, async (request, reply) => {
    const input = loginInput.parse(request.body);
    const { token, session } = await sessions.login(input.username, input.password, { ip: request.ip, userAgent: request.headers['user-agent'] });
    await audit.record({ accountId: null, operatorId: session.operator.id, action: 'auth.login', ip: request.ip });
    reply.header('set-cookie', sessionCookie(token, secureCookies));
    return present(session);
  });

  app.get('/api/auth/me', { config: { access: { signedIn: true } } }, async (request) => present(sessionOf(request)));

  app.post('/api/auth/logout', { config: { access: { signedIn: true } } }, async (request, reply) => {
    await sessions.logout(sessionOf(request).id);
    reply.header('set-cookie', sessionCookie('', secureCookies, 0));
    return reply.code(204).send();
  });

  app.post('/api/auth/password', { config: { access: { signedIn: true } } }, async (request, reply) => {
    const input = changePasswordInput.parse(request.body);
    const session = sessionOf(request);
    await sessions.changePassword(session, input.currentPassword, input.newPassword);
    await audit.record({ accountId: null, operatorId: session.operator.id, action: 'auth.password_changed', ip: request.ip });
    return reply.code(204).send();
  });

  app.get('/api/operators', { config: { access: { adminOnly: true } } }, async () => operators.list());

  app.post('/api/operators', { config: { access: { adminOnly: true } } }, async (request, reply) => {
    const created = await operators.create(createOperatorInput.parse(request.body));
    await audit.record({ accountId: null, operatorId: sessionOf(request).operator.id, action: 'operator.create', target: created.username, ip: request.ip });
    return reply.code(201).send(created);
  });
}
