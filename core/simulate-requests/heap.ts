/** A binary min-heap of numbers (completion times), array-backed. */
export class MinHeap {
  private a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): number {
    return this.a.length > 0 ? (this.a[0] as number) : Number.POSITIVE_INFINITY;
  }
  push(x: number): void {
    const a = this.a;
    let i = a.length;
    a.push(x);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as number) <= x) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.a;
    const top = a[0] as number;
    const last = a.pop() as number;
    const n = a.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && (a[c + 1] as number) < (a[c] as number)) c++;
        if ((a[c] as number) >= last) break;
        a[i] = a[c] as number;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
