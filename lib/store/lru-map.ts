// A Map that keeps at most `max` entries, forgetting the least recently used: the background's
// per-database caches (the board's cards, the search index) hold one pipeline each, and a rep who
// switched between local mode and teams must not keep every pipeline ever opened in memory.
export class LruMap<K, V> implements Iterable<[K, V]> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: () => number) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Most recently used goes last.
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): this {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > Math.max(1, this.max())) this.map.delete(this.map.keys().next().value as K);
    return this;
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }

  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.map.entries();
  }
}
