import { WxError } from '../core/wx-error.ts';

/** Ids 0, 1 and 2 are system tags; 2 is 星标组 and is the only one tags/get lists (§4.6). */
export const SYSTEM_TAG_IDS = new Set([0, 1, 2]);
export const STAR_TAG = { id: 2, name: '星标组' } as const;
export const MAX_TAGS = 100;
export const MAX_TAGS_PER_FAN = 20;
export const MAX_TAG_NAME_CHARS = 30;
/** A tag with more fans than this cannot be deleted (45057). */
export const MAX_DELETABLE_TAG_FANS = 100_000;
const FIRST_USER_TAG_ID = 100;

/** The tags of one account and which fans carry them (sparse: only tagged fans take memory). */
export class TagStore {
  private readonly names = new Map<number, string>([[STAR_TAG.id, STAR_TAG.name]]);
  private readonly fanTags = new Map<number, number[]>();
  private readonly members = new Map<number, Set<number>>();
  private nextId = FIRST_USER_TAG_ID;

  list(): Array<{ id: number; name: string; count: number }> {
    return [...this.names].map(([id, name]) => ({ id, name, count: this.members.get(id)?.size ?? 0 }));
  }

  has(id: unknown): id is number {
    return typeof id === 'number' && this.names.has(id);
  }

  create(name: unknown): { id: number; name: string } {
    const checked = this.checkName(name);
    if (this.names.size - 1 >= MAX_TAGS) throw new WxError(45056);
    const id = this.nextId++;
    this.names.set(id, checked);
    return { id, name: checked };
  }

  rename(id: unknown, name: unknown): void {
    if (typeof id === 'number' && SYSTEM_TAG_IDS.has(id)) throw new WxError(45058);
    if (!this.has(id)) throw new WxError(45159);
    if (this.names.get(id) === name) return;
    this.names.set(id, this.checkName(name));
  }

  delete(id: unknown): void {
    if (typeof id === 'number' && SYSTEM_TAG_IDS.has(id)) throw new WxError(45058);
    if (!this.has(id)) throw new WxError(45159);
    const fans = this.members.get(id);
    if (fans && fans.size > MAX_DELETABLE_TAG_FANS) throw new WxError(45057);
    for (const fan of fans ?? []) this.dropFromFan(fan, id);
    this.members.delete(id);
    this.names.delete(id);
  }

  /** Tags fans; all or nothing: a fan that would exceed 20 tags fails the whole call with 45059. */
  tag(fans: number[], id: unknown): void {
    if (!this.has(id)) throw new WxError(45159);
    for (const fan of fans) {
      const tags = this.fanTags.get(fan) ?? [];
      if (!tags.includes(id) && tags.length >= MAX_TAGS_PER_FAN) throw new WxError(45059);
    }
    const members = this.members.get(id) ?? new Set<number>();
    this.members.set(id, members);
    for (const fan of fans) {
      const tags = this.fanTags.get(fan) ?? [];
      // Re-tagging moves the tag to the end: conditional menus use the tag applied last (§4.8).
      const at = tags.indexOf(id);
      if (at >= 0) tags.splice(at, 1);
      tags.push(id);
      this.fanTags.set(fan, tags);
      members.add(fan);
    }
  }

  untag(fans: number[], id: unknown): void {
    if (!this.has(id)) throw new WxError(45159);
    for (const fan of fans) {
      this.dropFromFan(fan, id);
      this.members.get(id)?.delete(fan);
    }
  }

  tagsOf(fan: number): number[] {
    return [...(this.fanTags.get(fan) ?? [])];
  }

  /** Fans carrying the tag, in index order. */
  membersOf(id: number): number[] {
    return [...(this.members.get(id) ?? [])].sort((a, b) => a - b);
  }

  /** Persisted form: tag names and the tags of fans below `maxFan`. */
  export(maxFan: number): { nextId: number; tags: Array<[number, string]>; fans: Array<[number, number[]]> } {
    return {
      nextId: this.nextId,
      tags: [...this.names],
      fans: [...this.fanTags].filter(([fan]) => fan < maxFan),
    };
  }

  import(data: { nextId: number; tags: Array<[number, string]>; fans: Array<[number, number[]]> }, fanCount: number): void {
    this.names.clear();
    for (const [id, name] of data.tags) this.names.set(id, name);
    if (!this.names.has(STAR_TAG.id)) this.names.set(STAR_TAG.id, STAR_TAG.name);
    this.nextId = data.nextId;
    for (const [fan, tags] of data.fans) {
      if (fan >= fanCount) continue;
      const known = tags.filter((id) => this.names.has(id));
      this.fanTags.set(fan, known);
      for (const id of known) {
        const members = this.members.get(id) ?? new Set<number>();
        members.add(fan);
        this.members.set(id, members);
      }
    }
  }

  private dropFromFan(fan: number, id: number): void {
    const tags = this.fanTags.get(fan);
    if (!tags) return;
    const at = tags.indexOf(id);
    if (at >= 0) tags.splice(at, 1);
    if (tags.length === 0) this.fanTags.delete(fan);
  }

  private checkName(name: unknown): string {
    if (typeof name !== 'string' || name.trim() === '') throw new WxError(45157);
    // §4.6: at most 30 characters (45158's errmsg speaks of bytes; the docs count characters).
    if ([...name].length > MAX_TAG_NAME_CHARS) throw new WxError(45158);
    for (const existing of this.names.values()) if (existing === name) throw new WxError(45157, 'tag name duplicated');
    return name;
  }
}
