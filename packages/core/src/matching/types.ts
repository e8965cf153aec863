/**
 * Numeric problem shapes shared by the matching solvers. Left nodes are Ukrainian
 * municipalities, right nodes European ones; edges are candidate pairs with integer scores.
 */

/** A capacitated bipartite assignment problem on candidate edges (parallel arrays of length m). */
export interface AssignmentProblem {
  /** Number of left nodes (hromadas). */
  leftCount: number;
  /** Number of right nodes (partner municipalities). */
  rightCount: number;
  /** At most this many pairs per left node (demand), length `leftCount`. */
  leftQuota: ArrayLike<number>;
  /** At most this many pairs per right node (capacity), length `rightCount`. */
  rightQuota: ArrayLike<number>;
  /** Left endpoint of each edge, 0-based. */
  edgeLeft: ArrayLike<number>;
  /** Right endpoint of each edge, 0-based. */
  edgeRight: ArrayLike<number>;
  /** Integer score of each edge; the solver maximises the sum over the edges used. */
  edgeScore: ArrayLike<number>;
}

/** Options of the exact assignment solver. */
export interface AssignmentOptions {
  /** Edge indices that must be used (they still count against quotas). */
  pinned?: ArrayLike<number>;
  /** Edge indices that must never be used. */
  forbidden?: ArrayLike<number>;
  /** Edges scoring below this are never used. */
  minScore?: number;
  /** Never use more than this many pairs in total (e.g. rounds × tables at a conference). */
  maxPairs?: number;
  /**
   * Lexicographic priority: first maximise the number of priority units used, then the score.
   * The first `leftPriority[u]` pairs of left node u count as priority units (1 each = "as many
   * hromadas matched as possible"); likewise `rightPriority` on the right side.
   */
  leftPriority?: ArrayLike<number>;
  rightPriority?: ArrayLike<number>;
}

/** The exact optimum of an assignment problem, with the dual prices that certify it. */
export interface AssignmentSolution {
  /** Indices of the edges used, ascending. */
  edges: Int32Array;
  /** Sum of the scores of the edges used. */
  objective: number;
  /** Number of distinct left nodes with at least one pair. */
  matchedLeft: number;
  /** Final node potentials (dual prices) of the left and right nodes. */
  potentials: { left: Float64Array; right: Float64Array };
}

/** An assignment problem with each side's own preference per edge, for deferred acceptance. */
export interface StableProblem extends AssignmentProblem {
  /** The left node's preference for the edge; higher first, ties broken by the smaller right index. */
  edgeLeftPref: ArrayLike<number>;
  /** The right node's preference for the edge; higher first, ties broken by the smaller left index. */
  edgeRightPref: ArrayLike<number>;
}
