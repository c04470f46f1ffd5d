export interface BatcherOptions<I> {
  /** Most inputs in one batch. */
  maxSize: number;
  /** Batches running at once; while all are busy, new inputs gather for the next one. */
  maxInFlight: number;
  /** Inputs with the same key never share a batch (a later one waits for the next batch). */
  key: (input: I) => string;
}

interface Pending<I, O> {
  input: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

/**
 * Gathers the calls made by concurrent jobs into one statement. Under load, jobs that reach the same
 * step while earlier batches are still running share the next statement (one round trip, one commit);
 * a lone call waits only until the next turn of the event loop. A failed batch fails each of its calls.
 */
export class Batcher<I, O> {
  readonly #run: (inputs: I[]) => Promise<O[]>;
  readonly #opts: BatcherOptions<I>;
  #queue: Array<Pending<I, O>> = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(run: (inputs: I[]) => Promise<O[]>, opts: BatcherOptions<I>) {
    this.#run = run;
    this.#opts = opts;
  }

  load(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#opts.maxInFlight || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    const batch: Array<Pending<I, O>> = [];
    const rest: Array<Pending<I, O>> = [];
    const keys = new Set<string>();
    for (const item of this.#queue) {
      const k = this.#opts.key(item.input);
      if (batch.length < this.#opts.maxSize && !keys.has(k)) {
        keys.add(k);
        batch.push(item);
      } else {
        rest.push(item);
      }
    }
    this.#queue = rest;
    if (batch.length === 0) return;
    this.#inFlight++;
    this.#schedule();
    try {
      const out = await this.#run(batch.map((b) => b.input));
      batch.forEach((b, i) => {
        b.resolve(out[i] as O);
      });
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.#inFlight--;
      this.#schedule();
    }
  }
}
