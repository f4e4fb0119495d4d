/** Confidence intervals and significance tests over per-document counts. */
package org.corpusbench.eval.stats;
