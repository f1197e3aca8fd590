import type {} from '@fastify/multipart';
import type { PreviewInput } from '@zhanggui/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { accountOf, sessionOf } from '../../platform/http/auth.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { MaterialsService } from './materials.service.ts';
import { newsRoutes } from './news.routes.ts';

type MaterialParams = { Params: { accountId: string; materialId: string } };

const VIEW = { config: { access: { permission: 'rules.view' as const } } };
const EDIT = { config: { access: { permission: 'materials.edit' as const } } };
const SEND = { config: { access: { permission: 'broadcasts.send' as const } } };
const idOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : 0);
const MB = 1024 * 1024;

/** Material library: permanent material, article images, previews; the news drafts register alongside. */
export async function materialsRoutes(app: FastifyInstance, { materials, audit }: { materials: MaterialsService; audit: AuditService }): Promise<void> {
  app.get('/api/accounts/:accountId/materials', VIEW, async (request) => materials.list(accountOf(request), request.query));

  app.post('/api/accounts/:accountId/materials', EDIT, async (request, reply) => {
    const { fields, file } = await readUpload(request, 10 * MB, () => new AppError('MATERIAL_TOO_LARGE'), () => new AppError('MATERIAL_FILE_MISSING'));
    const material = await materials.upload(accountOf(request), sessionOf(request).operator.id, fields, file);
    await audit.fromRequest(request, 'material.upload', String(material.id), { kind: material.kind, name: material.name, bytes: material.bytes });
    return reply.code(201).send(material);
  });

  app.post('/api/accounts/:accountId/materials/article-images', EDIT, async (request, reply) => {
    const invalid = () => new AppError('ARTICLE_IMAGE_INVALID');
    const { file } = await readUpload(request, MB, invalid, invalid);
    const image = await materials.uploadArticleImage(accountOf(request), file);
    await audit.fromRequest(request, 'material.article_image', null, { url: image.url, bytes: file.data.length });
    return reply.code(201).send(image);
  });

  app.post('/api/accounts/:accountId/materials/preview', SEND, async (request) => {
    const result = await materials.preview(accountOf(request), request.body as PreviewInput);
    await audit.fromRequest(request, 'material.preview', result.openid, { type: (request.body as PreviewInput).message.type, msgId: result.msgId });
    return result;
  });

  app.get<MaterialParams>('/api/accounts/:accountId/materials/:materialId', VIEW, async (request) => materials.get(accountOf(request), idOf(request.params.materialId)));

  app.get<MaterialParams>('/api/accounts/:accountId/materials/:materialId/file', VIEW, async (request, reply) => {
    const file = await materials.file(accountOf(request), idOf(request.params.materialId));
    // Bytes an operator uploaded, checked by magic number: still never sniffed, never scripted.
    return reply
      .type(file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `inline; filename="material-${request.params.materialId}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.data);
  });

  app.delete<MaterialParams>('/api/accounts/:accountId/materials/:materialId', EDIT, async (request, reply) => {
    const material = await materials.remove(accountOf(request), idOf(request.params.materialId));
    await audit.fromRequest(request, 'material.delete', String(material.id), { kind: material.kind, name: material.name });
    return reply.code(204).send();
  });

  await newsRoutes(app, { news: materials.news, audit });
}

/**
 * The uploaded file (form field `file`) and the other form fields, in whatever order the form sent them.
 * A file over `maxBytes` stops the upload there, before it is all read into memory.
 */
async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
  tooLarge: () => AppError,
  missing: () => AppError,
): Promise<{ fields: Record<string, string>; file: { filename: string; data: Buffer } }> {
  if (!request.isMultipart()) throw missing();
  const fields: Record<string, string> = {};
  let file: { filename: string; data: Buffer } | null = null;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 4096 } })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    } else if (part.fieldname === 'file') {
      const data = await part.toBuffer().catch((error: unknown) => {
        throw (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : error;
      });
      file = { filename: part.filename, data };
    } else {
      part.file.resume();
    }
  }
  if (!file) throw missing();
  return { fields, file };
}
