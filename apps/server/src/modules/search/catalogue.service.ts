import type { KnowledgeEntry, KnowledgeInput, Product, ProductInput } from '@zhanggui/shared';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ACCOUNT_CHANGED } from '../accounts/accounts.service.ts';
import { webUrl } from '../../platform/validation.ts';

const keywords = z.array(z.string().trim().min(1).max(30)).max(30).default([]);
const optionalUrl = webUrl.nullable().optional();

export const knowledgeInput = z.object({
  title: z.string().trim().min(1).max(64),
  body: z.string().max(5000).default(''),
  imageUrl: optionalUrl,
  link: optionalUrl,
  keywords,
  enabled: z.boolean().default(true),
});

export const productInput = z.object({
  name: z.string().trim().min(1).max(64),
  priceFen: z.number().int().min(0).max(100_000_000),
  imageUrl: optionalUrl,
  link: optionalUrl,
  category: z.string().trim().max(30).nullable().optional(),
  description: z.string().max(5000).nullable().optional(),
  stock: z.number().int().min(0).nullable().optional(),
  keywords,
  enabled: z.boolean().default(true),
});

/** The knowledge base and the product catalogue that search replies answer from. */
export class CatalogueService {
  constructor(private readonly db: Database) {}

  async knowledge(accountId: number): Promise<KnowledgeEntry[]> {
    const rows = await this.db.query<Record<string, unknown>>('select * from knowledge_entries where account_id = $1 order by id', [accountId]);
    return rows.map(presentKnowledge);
  }

  async saveKnowledge(accountId: number, id: number | null, raw: KnowledgeInput): Promise<KnowledgeEntry> {
    const input = knowledgeInput.parse(raw);
    const values = [input.title, input.body, input.imageUrl ?? null, input.link ?? null, JSON.stringify(input.keywords), input.enabled];
    const [row] =
      id === null
        ? await this.db.query<Record<string, unknown>>(
            'insert into knowledge_entries (account_id, title, body, image_url, link, keywords, enabled) values ($1, $2, $3, $4, $5, $6, $7) returning *',
            [accountId, ...values],
          )
        : await this.db.query<Record<string, unknown>>(
            'update knowledge_entries set title = $3, body = $4, image_url = $5, link = $6, keywords = $7, enabled = $8, updated_at = now() where account_id = $1 and id = $2 returning *',
            [accountId, id, ...values],
          );
    if (!row) throw new AppError('NOT_FOUND', { id });
    await this.changed(accountId);
    return presentKnowledge(row);
  }

  async products(accountId: number): Promise<Product[]> {
    const rows = await this.db.query<Record<string, unknown>>('select * from products where account_id = $1 order by id', [accountId]);
    return rows.map(presentProduct);
  }

  async saveProduct(accountId: number, id: number | null, raw: ProductInput): Promise<Product> {
    const input = productInput.parse(raw);
    const values = [input.name, input.priceFen, input.imageUrl ?? null, input.link ?? null, input.category ?? null, input.description ?? null, input.stock ?? null, JSON.stringify(input.keywords), input.enabled];
    const [row] =
      id === null
        ? await this.db.query<Record<string, unknown>>(
            'insert into products (account_id, name, price_fen, image_url, link, category, description, stock, keywords, enabled) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *',
            [accountId, ...values],
          )
        : await this.db.query<Record<string, unknown>>(
            `update products set name = $3, price_fen = $4, image_url = $5, link = $6, category = $7, description = $8, stock = $9, keywords = $10, enabled = $11, updated_at = now()
              where account_id = $1 and id = $2 returning *`,
            [accountId, id, ...values],
          );
    if (!row) throw new AppError('NOT_FOUND', { id });
    await this.changed(accountId);
    return presentProduct(row);
  }

  async remove(table: 'knowledge_entries' | 'products', accountId: number, id: number): Promise<void> {
    const rows = await this.db.query(`delete from ${table} where account_id = $1 and id = $2 returning id`, [accountId, id]);
    if (!rows.length) throw new AppError('NOT_FOUND', { id });
    await this.changed(accountId);
  }

  private async changed(accountId: number): Promise<void> {
    await this.db.notify(ACCOUNT_CHANGED, String(accountId));
  }
}

function presentKnowledge(row: Record<string, unknown>): KnowledgeEntry {
  return {
    id: row.id as number,
    title: row.title as string,
    body: row.body as string,
    imageUrl: (row.image_url as string | null) ?? null,
    link: (row.link as string | null) ?? null,
    keywords: row.keywords as string[],
    enabled: row.enabled as boolean,
  };
}

function presentProduct(row: Record<string, unknown>): Product {
  return {
    id: row.id as number,
    name: row.name as string,
    priceFen: row.price_fen as number,
    imageUrl: (row.image_url as string | null) ?? null,
    link: (row.link as string | null) ?? null,
    category: (row.category as string | null) ?? null,
    description: (row.description as string | null) ?? null,
    stock: (row.stock as number | null) ?? null,
    keywords: row.keywords as string[],
    enabled: row.enabled as boolean,
  };
}
