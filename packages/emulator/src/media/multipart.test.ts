import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formOf, MultipartError, parseMultipart } from './multipart.ts';

const CT = 'multipart/form-data; boundary=XyZ';
const body = (parts: string) => Buffer.from(parts.replaceAll('\n', '\r\n'), 'utf8');

test('parses files and fields', () => {
  const parts = parseMultipart(
    body(`--XyZ
Content-Disposition: form-data; name="media"; filename="图片.png"
Content-Type: image/png

PNGDATA
--XyZ
Content-Disposition: form-data; name="description"

{"title":"t","introduction":"i"}
--XyZ--
`),
    CT,
  );
  const { files, fields } = formOf(parts);
  assert.equal(files.get('media')?.filename, '图片.png');
  assert.equal(files.get('media')?.contentType, 'image/png');
  assert.equal(files.get('media')?.data.toString(), 'PNGDATA');
  assert.equal(fields.get('description'), '{"title":"t","introduction":"i"}');
});

test('binary content with CRLF inside survives', () => {
  const payload = Buffer.from([0x0d, 0x0a, 0x2d, 0x2d, 0x00, 0xff, 0x0d, 0x0a]);
  const raw = Buffer.concat([
    Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="media"; filename="a.bin"\r\n\r\n'),
    payload,
    Buffer.from('\r\n--XyZ--\r\n'),
  ]);
  assert.deepEqual([...parseMultipart(raw, CT)[0]!.data], [...payload]);
});

test('strict: missing boundary parameter, closing delimiter, name or disposition', () => {
  const bad = (text: string, contentType = CT) => assert.throws(() => parseMultipart(body(text), contentType), MultipartError);
  bad('--XyZ\nContent-Disposition: form-data; name="a"\n\nx\n--XyZ--\n', 'multipart/form-data');
  bad('--XyZ\nContent-Disposition: form-data; name="a"\n\nx\n');
  bad('--XyZ\nContent-Disposition: form-data\n\nx\n--XyZ--\n');
  bad('--XyZ\nContent-Type: text/plain\n\nx\n--XyZ--\n');
  bad('garbage');
  assert.throws(() => parseMultipart(body('--XyZ\nContent-Disposition: form-data; name="a"\n\nx\n--XyZ--\n'), 'application/json'), MultipartError);
  const many = Array.from({ length: 17 }, (_, i) => `--XyZ\nContent-Disposition: form-data; name="f${i}"\n\nv\n`).join('') + '--XyZ--\n';
  bad(many);
});
