/**
 * Evaluation on Apache Spark (issue 16): a file scored in parts, each part by the evaluators of
 * {@code org.corpusbench.eval} and the per-unit code of {@code org.corpusbench.evaluation}, the parts' counts
 * merged by their own merges, and the result rendered by {@code Evaluations} as for a file scored in one
 * piece. No metric is computed here, so a Spark run and {@code corpusbench evaluate} print the same figures,
 * intervals included (the streaming Poisson bootstrap, keyed by something every part knows by itself).
 * Spark is a provided dependency: a library user who calls this package brings Spark's jars, as
 * {@code spark-submit} and {@code corpusbench spark} do. Only the command line uses this package.
 */
package org.corpusbench.spark;
