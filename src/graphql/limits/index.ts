/**
 * Query limits of the graph: size, shape and cost checks before execution, and a per-request budget
 * of upstream calls during it. Every violation is a QUERY_TOO_COMPLEX error.
 */
export type { LimitName } from './errors.js';
export { queryLimitsPlugin } from './plugin.js';
export { DEFAULT_LIMITS, type QueryLimits } from './query-limits.js';
export { UpstreamBudget, UpstreamBudgetExceededError, type UpstreamCallBudget } from './upstream-budget.js';
export { limitValidationRules } from './validation-rules.js';
