/** A binary min-heap of (time, id) pairs: pending refunds, popped in the order they fall due. */
export class TimeHeap {
  private readonly times: number[] = [];
  private readonly ids: number[] = [];

  get size(): number {
    return this.times.length;
  }

  push(time: number, id: number): void {
    this.times.push(time);
    this.ids.push(id);
    let i = this.times.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.times[parent]! <= time) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the id of the earliest entry if it is due at `now`. */
  popDue(now: number): number | undefined {
    if (this.times.length === 0 || this.times[0]! > now) return undefined;
    const id = this.ids[0]!;
    const lastTime = this.times.pop()!;
    const lastId = this.ids.pop()!;
    if (this.times.length > 0) {
      this.times[0] = lastTime;
      this.ids[0] = lastId;
      this.siftDown(0);
    }
    return id;
  }

  clear(): void {
    this.times.length = 0;
    this.ids.length = 0;
  }

  private siftDown(start: number): void {
    const n = this.times.length;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < n && this.times[l]! < this.times[smallest]!) smallest = l;
      if (r < n && this.times[r]! < this.times[smallest]!) smallest = r;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const t = this.times[a]!;
    this.times[a] = this.times[b]!;
    this.times[b] = t;
    const id = this.ids[a]!;
    this.ids[a] = this.ids[b]!;
    this.ids[b] = id;
  }
}
