import type {} from '@fastify/multipart';
import type { QrChannelInput, QrCodeInput } from '@zhanggui/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accountOf } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { qrPng, qrSvg } from './qr-images.ts';
import type { QrChannelsService } from './qrcodes.service.ts';

type ChannelParams = { Params: { accountId: string; channelId: string } };
type CodeParams = { Params: { accountId: string; codeId: string } };

const VIEW = { config: { access: { permission: 'rules.view' as const } } };
const EDIT = { config: { access: { permission: 'channels.edit' as const } } };
const idOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : 0);

/** QR channels, their codes (as PNG, SVG and a poster), statistics and the CSV export. */
export async function qrChannelsRoutes(app: FastifyInstance, { channels, accounts, audit }: { channels: QrChannelsService; accounts: AccountsService; audit: AuditService }): Promise<void> {
  app.get('/api/accounts/:accountId/qr-channels', VIEW, async (request) => channels.list(accountOf(request)));

  app.post('/api/accounts/:accountId/qr-channels', EDIT, async (request, reply) => {
    const channel = await channels.save(accountOf(request), null, request.body as QrChannelInput);
    await audit.fromRequest(request, 'channel.create', String(channel.id), { name: channel.name });
    return reply.code(201).send(channel);
  });

  app.put<ChannelParams>('/api/accounts/:accountId/qr-channels/:channelId', EDIT, async (request) => {
    const channel = await channels.save(accountOf(request), idOf(request.params.channelId), request.body as QrChannelInput);
    await audit.fromRequest(request, 'channel.update', String(channel.id), { name: channel.name });
    return channel;
  });

  app.delete<ChannelParams>('/api/accounts/:accountId/qr-channels/:channelId', EDIT, async (request, reply) => {
    await channels.remove(accountOf(request), idOf(request.params.channelId));
    await audit.fromRequest(request, 'channel.delete', request.params.channelId);
    return reply.code(204).send();
  });

  app.get('/api/accounts/:accountId/qr-channels/series', VIEW, async (request) => {
    const { days } = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) }).parse(request.query);
    const account = await accounts.get(accountOf(request));
    return channels.series(account.id, account.timezone, days);
  });

  app.get('/api/accounts/:accountId/qr-channels/export.csv', VIEW, async (request, reply) => {
    const csv = await channels.exportCsv(accountOf(request));
    const stamp = new Date().toISOString().slice(0, 10);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="qr-channels-${stamp}.csv"`).send(csv);
  });

  app.get<ChannelParams>('/api/accounts/:accountId/qr-channels/:channelId/codes', VIEW, async (request) => channels.codes(accountOf(request), idOf(request.params.channelId)));

  app.post<ChannelParams>('/api/accounts/:accountId/qr-channels/:channelId/codes', EDIT, async (request, reply) => {
    const code = await channels.createCode(accountOf(request), idOf(request.params.channelId), request.body as QrCodeInput);
    await audit.fromRequest(request, 'channel.code_create', String(code.id), { channelId: code.channelId, kind: code.kind, scene: code.scene });
    return reply.code(201).send(code);
  });

  app.put<ChannelParams>('/api/accounts/:accountId/qr-channels/:channelId/poster', EDIT, async (request) => {
    const file = await request.file({ limits: { fileSize: 2 * 1024 * 1024, files: 1 } });
    if (!file) throw new AppError('POSTER_INVALID');
    const data = await file.toBuffer().catch(() => {
      throw new AppError('POSTER_INVALID');
    });
    const channel = await channels.setPoster(accountOf(request), idOf(request.params.channelId), data);
    await audit.fromRequest(request, 'channel.poster', String(channel.id), { bytes: data.length });
    return channel;
  });

  app.delete<ChannelParams>('/api/accounts/:accountId/qr-channels/:channelId/poster', EDIT, async (request) => {
    const channel = await channels.setPoster(accountOf(request), idOf(request.params.channelId), null);
    await audit.fromRequest(request, 'channel.poster', String(channel.id), { bytes: 0 });
    return channel;
  });

  app.get<CodeParams>('/api/accounts/:accountId/qr-codes/:codeId/image.png', VIEW, async (request, reply) => {
    const { size } = z.object({ size: z.coerce.number().int().min(64).max(2048).default(430) }).parse(request.query);
    const code = await channels.code(accountOf(request), idOf(request.params.codeId));
    return reply
      .type('image/png')
      .header('content-disposition', `inline; filename="qr-${code.id}.png"`)
      .send(await qrPng(code.url, size));
  });

  app.get<CodeParams>('/api/accounts/:accountId/qr-codes/:codeId/image.svg', VIEW, async (request, reply) => {
    const code = await channels.code(accountOf(request), idOf(request.params.codeId));
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('content-disposition', `inline; filename="qr-${code.id}.svg"`)
      .send(await qrSvg(code.url));
  });

  app.get<CodeParams>('/api/accounts/:accountId/qr-codes/:codeId/poster.svg', VIEW, async (request, reply) => {
    const svg = await channels.poster(accountOf(request), idOf(request.params.codeId));
    // The poster embeds operator text: served as an image with no script allowed, even if opened directly.
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
      .header('content-disposition', `inline; filename="poster-${request.params.codeId}.svg"`)
      .send(svg);
  });
}
