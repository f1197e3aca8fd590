/** Who a bubble belongs to on the fan's phone. */
export type PhoneSide = 'fan' | 'account' | 'system';
/** How it got there. */
export type PhoneSource = 'fan' | 'reply' | 'custom' | 'mass' | 'preview' | 'template' | 'notice' | 'event';

/** One line of what the fan's phone shows, oldest first. */
export interface PhoneEntry {
  seq: number;
  /** Emulated time, ms. */
  at: number;
  side: PhoneSide;
  source: PhoneSource;
  /** text, image, voice, video, music, news, location, mpnews, mpvideo, wxcard, msgmenu, miniprogrampage, template, notice, event… */
  msgType: string;
  /** The text, or a one-line description for other kinds. */
  text?: string;
  mediaId?: string;
  /** A picture URL (image messages) or a link (template, view events). */
  url?: string;
  articles?: Array<{ title: string; description?: string; url?: string; picUrl?: string }>;
  location?: { latitude: number; longitude: number; scale?: number; label?: string };
  template?: { templateId: string; title: string; data: Record<string, { value: string; color?: string }>; url?: string };
  msgmenu?: { head: string; items: Array<{ id: string; content: string }>; tail: string };
  /** For fan events: the Event value and key. */
  event?: string;
  eventKey?: string;
  /** MsgId of a fan message, msg_id of a mass send, msgid of a template message. */
  msgId?: string;
  kfAccount?: string;
  /** A mass article deleted with mass/delete. */
  deleted?: boolean;
}

export type PhoneEntryInput = Omit<PhoneEntry, 'seq' | 'at'>;

/** Live events for open phone pages (SSE). */
export type PhoneEvent = { kind: 'entry'; entry: PhoneEntry } | { kind: 'typing'; on: boolean } | { kind: 'state' };

const MAX_ENTRIES_PER_FAN = 1000;

/** Phone histories of one account's fans; a fan only takes memory once something happened on its phone. */
export class PhoneBook {
  private readonly entries = new Map<number, PhoneEntry[]>();

  add(fan: number, entry: PhoneEntry): void {
    let list = this.entries.get(fan);
    if (!list) {
      list = [];
      this.entries.set(fan, list);
    }
    list.push(entry);
    if (list.length > MAX_ENTRIES_PER_FAN) list.splice(0, list.length - MAX_ENTRIES_PER_FAN);
  }

  own(fan: number): readonly PhoneEntry[] {
    return this.entries.get(fan) ?? [];
  }

  fans(): number[] {
    return [...this.entries.keys()];
  }

  export(maxFan: number, perFan = 200): Array<[number, PhoneEntry[]]> {
    return [...this.entries].filter(([fan]) => fan < maxFan).map(([fan, list]) => [fan, list.slice(-perFan)]);
  }

  import(data: Array<[number, PhoneEntry[]]>, fanCount: number): void {
    for (const [fan, list] of data) if (fan < fanCount) this.entries.set(fan, list);
  }
}

/** Sequence numbers and live listeners for every phone of every account. */
export class PhoneHub {
  private seq = 0;
  private readonly listeners = new Map<string, Set<(event: PhoneEvent) => void>>();

  nextSeq(): number {
    return ++this.seq;
  }

  /** Keeps the sequence ahead of restored entries. */
  bump(seq: number): void {
    if (seq > this.seq) this.seq = seq;
  }

  listen(appId: string, fan: number, listener: (event: PhoneEvent) => void): () => void {
    const key = `${appId}\n${fan}`;
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  publish(appId: string, fan: number, event: PhoneEvent): void {
    for (const listener of this.listeners.get(`${appId}\n${fan}`) ?? []) listener(event);
  }

  /** Fans of an account that have an open phone page right now. */
  watchedFans(appId: string): number[] {
    const prefix = `${appId}\n`;
    return [...this.listeners.keys()].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length)));
  }
}
