import type { Store, StoreImportResult, StoreInput } from '@zhanggui/shared';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ACCOUNT_CHANGED } from '../accounts/accounts.service.ts';
import { parseCsv } from './csv.ts';
import { webUrl } from '../../platform/validation.ts';
import { issueMessage, said } from '../../platform/http/validation-messages.ts';

export const storeInput = z.object({
  name: z.string().trim().min(1).max(60),
  address: z.string().trim().min(1).max(200),
  phone: z.string().trim().max(40).nullable().optional(),
  hours: z.string().trim().max(60).nullable().optional(),
  latitude: z.number({ error: said('latitude') }).min(-90, { error: said('latitude') }).max(90, { error: said('latitude') }),
  longitude: z.number({ error: said('longitude') }).min(-180, { error: said('longitude') }).max(180, { error: said('longitude') }),
  imageUrl: webUrl.nullable().optional(),
  keywords: z.array(z.string().trim().min(1).max(30)).max(30).default([]),
  enabled: z.boolean().default(true),
});

const CSV_HEADER = ['name', 'address', 'phone', 'hours', 'latitude', 'longitude', 'image_url', 'keywords'];

/** Stores for the locator; imported from CSV (all rows or none). */
export class StoresService {
  constructor(private readonly db: Database) {}

  async list(accountId: number): Promise<Store[]> {
    const rows = await this.db.query<Record<string, unknown>>('select * from stores where account_id = $1 order by id', [accountId]);
    return rows.map(present);
  }

  async save(accountId: number, id: number | null, raw: StoreInput): Promise<Store> {
    const input = storeInput.parse(raw);
    const values = [input.name, input.address, input.phone ?? null, input.hours ?? null, input.latitude, input.longitude, input.imageUrl ?? null, JSON.stringify(input.keywords), input.enabled];
    const [row] =
      id === null
        ? await this.db.query<Record<string, unknown>>(
            'insert into stores (account_id, name, address, phone, hours, latitude, longitude, image_url, keywords, enabled) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *',
            [accountId, ...values],
          )
        : await this.db.query<Record<string, unknown>>(
            `update stores set name = $3, address = $4, phone = $5, hours = $6, latitude = $7, longitude = $8, image_url = $9, keywords = $10, enabled = $11, updated_at = now()
              where account_id = $1 and id = $2 returning *`,
            [accountId, id, ...values],
          );
    if (!row) throw new AppError('NOT_FOUND', { id });
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
    return present(row);
  }

  async remove(accountId: number, id: number): Promise<void> {
    const rows = await this.db.query('delete from stores where account_id = $1 and id = $2 returning id', [accountId, id]);
    if (!rows.length) throw new AppError('NOT_FOUND', { id });
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
  }

  /** Imports stores from CSV with the documented header. Every row is checked first; one bad row imports nothing. */
  async importCsv(accountId: number, csv: string, lang: 'zh' | 'en' = 'zh'): Promise<StoreImportResult> {
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    const errors: StoreImportResult['errors'] = [];
    const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const missing = ['name', 'address', 'latitude', 'longitude'].filter((column) => !header.includes(column));
    if (missing.length) {
      const message = lang === 'zh' ? `缺少列：${missing.join(', ')}（表头应为 ${CSV_HEADER.join(',')}）` : `missing columns: ${missing.join(', ')} (expected ${CSV_HEADER.join(',')})`;
      return { imported: 0, errors: [{ line: 1, message }] };
    }
    const at = (row: string[], column: string) => {
      const index = header.indexOf(column);
      return index === -1 ? '' : (row[index] ?? '').trim();
    };
    const valid: z.output<typeof storeInput>[] = [];
    rows.slice(1).forEach((row, i) => {
      if (row.every((cell) => cell.trim() === '')) return;
      const parsed = storeInput.safeParse({
        name: at(row, 'name'),
        address: at(row, 'address'),
        phone: at(row, 'phone') || null,
        hours: at(row, 'hours') || null,
        latitude: coordinate(at(row, 'latitude')),
        longitude: coordinate(at(row, 'longitude')),
        imageUrl: at(row, 'image_url') || null,
        keywords: at(row, 'keywords').split('|').map((k) => k.trim()).filter(Boolean),
      });
      if (parsed.success) valid.push(parsed.data);
      else errors.push({ line: i + 2, message: parsed.error.issues.map((issue) => `${csvColumn(issue.path)}: ${issueMessage(issue, lang)}`).join('; ') });
    });
    if (errors.length) return { imported: 0, errors };
    if (valid.length === 0) return { imported: 0, errors: [{ line: 2, message: lang === 'zh' ? '文件里没有门店' : 'no stores in the file' }] };
    await this.db.query(
      `insert into stores (account_id, name, address, phone, hours, latitude, longitude, image_url, keywords)
       select $1, s.name, s.address, s.phone, s.hours, s.latitude, s.longitude, s.image_url, s.keywords
         from jsonb_to_recordset($2::jsonb) as s(name text, address text, phone text, hours text, latitude float8, longitude float8, image_url text, keywords jsonb)`,
      [accountId, JSON.stringify(valid.map((s) => ({ ...s, image_url: s.imageUrl ?? null })))],
    );
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
    return { imported: valid.length, errors: [] };
  }
}

/** The CSV column a schema path came from ("imageUrl" → "image_url", "keywords.2" → "keywords"). */
const csvColumn = (path: PropertyKey[]) => (path[0] === 'imageUrl' ? 'image_url' : String(path[0] ?? ''));

/** A coordinate cell: a number, or NaN (refused by the schema) when empty or not a number. */
const coordinate = (cell: string) => (cell === '' ? Number.NaN : Number(cell));

function present(row: Record<string, unknown>): Store {
  return {
    id: row.id as number,
    name: row.name as string,
    address: row.address as string,
    phone: (row.phone as string | null) ?? null,
    hours: (row.hours as string | null) ?? null,
    latitude: row.latitude as number,
    longitude: row.longitude as number,
    imageUrl: (row.image_url as string | null) ?? null,
    keywords: row.keywords as string[],
    enabled: row.enabled as boolean,
  };
}
