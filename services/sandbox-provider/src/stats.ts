export interface AddCounter {
  service: string;
  link: string;
  /** `add` requests that arrived for this service and link, whatever happened to them. */
  total: number;
  /** Of those, how many created an order. */
  accepted: number;
}

export interface StatsSnapshot {
  requests: { total: number; byAction: Record<string, number> };
  adds: { total: number; accepted: number; byTarget: AddCounter[] };
  faults: Record<string, number>;
  orders: number;
}

/** Request counters, so tests can prove an order was sent exactly once. */
export class SandboxStats {
  private requests = 0;
  private readonly byAction = new Map<string, number>();
  // Per link, a short list (usually one entry) of per-service counters: far lighter than a Map per link.
  private readonly byLink = new Map<string, AddCounter[]>();
  private addsTotal = 0;
  private addsAccepted = 0;
  private readonly faults = new Map<string, number>();

  countRequest(action: string): void {
    this.requests++;
    this.byAction.set(action, (this.byAction.get(action) ?? 0) + 1);
  }

  countAdd(service: string, link: string): void {
    this.addsTotal++;
    this.counter(service, link).total++;
  }

  countAccepted(service: string, link: string): void {
    this.addsAccepted++;
    this.counter(service, link).accepted++;
  }

  countFault(kind: string): void {
    this.faults.set(kind, (this.faults.get(kind) ?? 0) + 1);
  }

  /** `add` calls for a link, for one service or summed over all services. */
  addCalls(link: string, service?: number | string): { total: number; accepted: number } {
    const perService = this.byLink.get(link);
    const result = { total: 0, accepted: 0 };
    if (!perService) return result;
    for (const c of perService) {
      if (service !== undefined && c.service !== String(service)) continue;
      result.total += c.total;
      result.accepted += c.accepted;
    }
    return result;
  }

  snapshot(orders: number, filter?: { link?: string; service?: string }): StatsSnapshot {
    const byTarget: AddCounter[] = [];
    for (const [link, perService] of this.byLink) {
      if (filter?.link !== undefined && link !== filter.link) continue;
      for (const c of perService) {
        if (filter?.service !== undefined && c.service !== filter.service) continue;
        byTarget.push({ ...c });
      }
    }
    return {
      requests: { total: this.requests, byAction: Object.fromEntries(this.byAction) },
      adds: { total: this.addsTotal, accepted: this.addsAccepted, byTarget },
      faults: Object.fromEntries(this.faults),
      orders,
    };
  }

  reset(): void {
    this.requests = 0;
    this.byAction.clear();
    this.byLink.clear();
    this.addsTotal = 0;
    this.addsAccepted = 0;
    this.faults.clear();
  }

  private counter(service: string, link: string): AddCounter {
    let perService = this.byLink.get(link);
    if (!perService) {
      perService = [];
      this.byLink.set(link, perService);
    }
    let c = perService.find((x) => x.service === service);
    if (!c) {
      c = { service, link, total: 0, accepted: 0 };
      perService.push(c);
    }
    return c;
  }
}
