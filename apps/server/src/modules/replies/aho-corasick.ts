/**
 * Aho-Corasick automaton over UTF-16 code units: finds every pattern contained in a text in one pass,
 * so "contains" rules cost the same at 10 rules or 100,000.
 */
export class AhoCorasick {
  // Node i: goto edges, failure link, and the ids of patterns that end here (including via failure links).
  private readonly edges: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly outputs: number[][] = [[]];
  private built = false;

  /** Adds a pattern with the caller's id. Empty patterns are ignored. */
  add(pattern: string, id: number): void {
    if (this.built) throw new Error('cannot add patterns after build()');
    if (pattern.length === 0) return;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let next = this.edges[node]!.get(code);
      if (next === undefined) {
        next = this.edges.length;
        this.edges.push(new Map());
        this.fail.push(0);
        this.outputs.push([]);
        this.edges[node]!.set(code, next);
      }
      node = next;
    }
    this.outputs[node]!.push(id);
  }

  /** Computes failure links breadth-first. */
  build(): this {
    const queue: number[] = [];
    for (const child of this.edges[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [code, child] of this.edges[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.edges[f]!.has(code)) f = this.fail[f]!;
        const target = this.edges[f]!.get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const inherited = this.outputs[this.fail[child]!]!;
        if (inherited.length) this.outputs[child] = this.outputs[child]!.concat(inherited);
        queue.push(child);
      }
    }
    this.built = true;
    return this;
  }

  /** Calls `onMatch` with the id of every pattern occurrence in `text`. */
  search(text: string, onMatch: (id: number) => void): void {
    if (!this.built) this.build();
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (node !== 0 && !this.edges[node]!.has(code)) node = this.fail[node]!;
      node = this.edges[node]!.get(code) ?? 0;
      const out = this.outputs[node]!;
      for (let k = 0; k < out.length; k++) onMatch(out[k]!);
    }
  }

  get size(): number {
    return this.edges.length;
  }
}
