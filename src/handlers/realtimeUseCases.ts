/**
 * The real-time use cases (docs/design.md, "Use-case API"), apart from the on-demand ones so the
 * on-demand handlers bundle without the real-time layer.
 */
export { collectOnce, reconcileAndReplay, replayOnce } from '../realtime/index.ts';
