/**
 * Baseline systems: simple, honest reference points for each task, evaluated with document-level
 * cross-validation so that no gold of a test document reaches its prediction.
 */
package org.corpusbench.baseline;
