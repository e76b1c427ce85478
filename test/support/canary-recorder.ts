/**
 * What the canary tests share: everything a run produced (results, problem messages, values as
 * printed, thrown errors with their cause chains), recorded as text, then searched for canaries.
 */
import { inspect } from 'node:util';
import * as assert from 'uvu/assert';
import type { ResolveResult } from '../../src/secrets/resolver.js';

export class CanaryRecorder {
  readonly outputs: string[] = [];

  /** `value` as util.inspect (hidden properties and getters included) and as JSON. */
  record(label: string, value: unknown): void {
    this.outputs.push(`${label}: ${inspect(value, { depth: Infinity, showHidden: true, getters: true })}`);
    try {
      this.outputs.push(`${label} json: ${JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v))}`);
    } catch {
      // circular: inspect above covers it
    }
  }

  /** A resolve result, its problem messages, and each value as String, template, JSON and inspect. */
  recordResult(label: string, result: ResolveResult): void {
    this.record(label, result);
    for (const p of result.problems) this.outputs.push(p.message);
    for (const v of result.values.values()) this.outputs.push(String(v), `${v}`, JSON.stringify(v), inspect(v));
  }

  /** A thrown error and its cause chain: message, stack, JSON and inspect of each. */
  recordError(label: string, error: unknown): void {
    this.record(label, error);
    for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
      this.outputs.push(e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { depth: Infinity, showHidden: true }));
    }
  }

  /** At least `atLeast` outputs were recorded (so the search means something), and none holds a canary. */
  assertNoCanary(canaries: readonly string[], atLeast: number): void {
    assert.ok(this.outputs.length > atLeast, `recorded ${this.outputs.length} outputs`);
    for (const text of this.outputs) {
      for (const canary of canaries) {
        if (text.includes(canary)) assert.unreachable(`canary ${canary} leaked in: ${text.slice(0, 400)}`);
      }
    }
  }
}
