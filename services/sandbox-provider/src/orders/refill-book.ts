export interface Refill {
  id: number;
  orderId: number;
  doneAt: number;
}

/** Refill requests: each one reads Pending until its time is up, then Completed. */
export class RefillBook {
  private readonly refills = new Map<number, Refill>();
  private nextId = 1;

  create(orderId: number, now: number, durationMs: number): Refill {
    const refill = { id: this.nextId++, orderId, doneAt: now + durationMs };
    this.refills.set(refill.id, refill);
    return refill;
  }

  get(id: number): Refill | undefined {
    return this.refills.get(id);
  }

  statusAt(refill: Refill, now: number): 'Pending' | 'Completed' {
    return now >= refill.doneAt ? 'Completed' : 'Pending';
  }

  reset(): void {
    this.refills.clear();
    this.nextId = 1;
  }
}
