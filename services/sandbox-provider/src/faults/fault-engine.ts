import { deriveSeed, mulberry32 } from '../prng.ts';
import type { FaultEffect, FaultRule } from './fault-rules.ts';
import type { Quirk, Quirks } from './quirks.ts';
import { NO_QUIRKS } from './quirks.ts';

/** What a request is about, as far as fault rules can match it. */
export interface FaultTarget {
  action: string;
  service?: number | undefined;
  link?: string | undefined;
}

export interface FaultDecision {
  latencyMs: number;
  effect: FaultEffect | undefined;
  quirks: Quirks;
}

const NONE: FaultDecision = { latencyMs: 0, effect: undefined, quirks: NO_QUIRKS };
const FAULT_DICE_STREAM = 0x0fa17;

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/** The fault rules in force, and the seeded dice that decide which requests a partial-rate rule hits. */
export class FaultEngine {
  private rules: ActiveRule[] = [];
  private dice: () => number;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed;
    this.dice = mulberry32(deriveSeed(seed, FAULT_DICE_STREAM));
  }

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
  }

  add(rules: readonly FaultRule[]): void {
    for (const rule of rules) this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  reset(): void {
    this.clear();
    this.dice = mulberry32(deriveSeed(this.seed, FAULT_DICE_STREAM));
  }

  list(): Array<FaultRule & { remaining: number | null }> {
    return this.rules.map(({ rule, remaining }) => ({
      ...rule,
      remaining: Number.isFinite(remaining) ? remaining : null,
    }));
  }

  decide(target: FaultTarget): FaultDecision {
    if (this.rules.length === 0) return NONE;
    let latencyMs = 0;
    let effect: FaultEffect | undefined;
    let quirks: Set<Quirk> | undefined;
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0 || !matches(rule, target)) continue;
      if (rule.effect && effect) continue;
      if (rule.rate < 1 && this.dice() >= rule.rate) continue;
      active.remaining--;
      latencyMs += rule.latencyMs ?? 0;
      if (rule.effect) effect = rule.effect;
      if (rule.quirks) {
        quirks ??= new Set();
        for (const q of rule.quirks) quirks.add(q);
      }
    }
    return { latencyMs, effect, quirks: quirks ?? NO_QUIRKS };
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  const { action, service, linkIncludes } = rule.match;
  if (action !== undefined) {
    if (typeof action === 'string' ? action !== target.action : !action.includes(target.action)) return false;
  }
  if (service !== undefined && service !== target.service) return false;
  if (linkIncludes !== undefined && !target.link?.includes(linkIncludes)) return false;
  return true;
}
