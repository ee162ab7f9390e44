// How much the background keeps in memory between requests (issue: nothing grows without bound).
// The budget is the worker's heap with the board open at 100,000 prospects ≤ 150 MB; a pipeline larger
// than the bound is still answered, from a fresh read each time, just not kept.
export const CACHE_LIMITS = {
  /** Pipelines (databases) whose board cards and search index stay cached: the one in use and one more. */
  databases: 2,
  /** Prospects above which a pipeline's board cards and search index are not kept between requests. */
  prospects: 150_000,
};
