/**
 * Evaluation: counts that merge, and metrics computed from them. One sub-package per task
 * ({@code tags}, {@code entity}, {@code timex}, {@code contradiction}, {@code nli}), statistics in
 * {@code stats}, rendering in {@code report}.
 */
package org.corpusbench.eval;
