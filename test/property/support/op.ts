import type fc from 'fast-check';
import type { LakeModel } from './lakeModel.ts';
import type { World } from './tinyLake.ts';

/** What the commands act on: the world of one run, and what the source refused (for the failure message). */
export interface LakeReal {
  world: World;
  /** `Op: ExceptionName` of every op the source rejected; rejected ops change nothing. */
  rejected: string[];
}

/**
 * One step of a history. `toString` is what fast-check prints, so a shrunk counterexample reads like
 * `[CreateTable(db1.t3), Sync, Revoke(analyst, db1.t3, SELECT)]`.
 */
export class Op implements fc.AsyncCommand<LakeModel, LakeReal> {
  constructor(
    private readonly label: string,
    private readonly valid: (model: LakeModel) => boolean,
    private readonly act: (model: LakeModel, real: LakeReal) => Promise<void>,
  ) {}

  check(model: Readonly<LakeModel>): boolean {
    return model.steps < model.maxSteps && this.valid(model as LakeModel);
  }

  run(model: LakeModel, real: LakeReal): Promise<void> {
    model.steps += 1;
    return this.act(model, real);
  }

  toString(): string {
    return this.label;
  }
}

const isServiceError = (error: unknown): error is Error =>
  error instanceof Error && '$fault' in error && '$metadata' in error;

/**
 * A change made in the source through the real SDK: applied, then `onSuccess` updates the model. A service
 * error means the op was invalid in the current state (the model is only a guide): it is recorded as
 * rejected and the model is left alone.
 */
export function sourceOp(
  label: string,
  valid: (model: LakeModel) => boolean,
  send: (real: LakeReal) => Promise<unknown>,
  onSuccess: (model: LakeModel) => void = () => {},
): Op {
  return new Op(label, valid, async (model, real) => {
    try {
      await send(real);
    } catch (error) {
      if (!isServiceError(error)) throw error;
      real.rejected.push(`${label}: ${error.name}`);
      return;
    }
    onSuccess(model);
  });
}
