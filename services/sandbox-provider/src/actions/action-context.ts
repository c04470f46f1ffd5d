import type { Quirks } from '../faults/quirks.ts';
import type { ProviderState } from '../provider-state.ts';

/** Request parameters after form/JSON/query merging: every value a string. */
export type Params = Readonly<Record<string, string>>;

export interface ActionContext {
  state: ProviderState;
  now: number;
  quirks: Quirks;
}

export interface ActionReply {
  status: number;
  body: unknown;
  /** Sent as is, with this content type (a reply some panels send as text/html). */
  contentType?: string;
}

export type ActionHandler = (ctx: ActionContext, params: Params) => ActionReply;
