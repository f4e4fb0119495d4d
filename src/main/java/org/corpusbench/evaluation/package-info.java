/**
 * Evaluation as a library call: loads the gold of a release and a system's predictions, checks that they
 * belong together, and scores them with the evaluators of {@code org.corpusbench.eval}. Everything the
 * {@code evaluate} command prints is computed here.
 */
package org.corpusbench.evaluation;
