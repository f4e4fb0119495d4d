/**
 * Temporal-expression baselines: a rule-based TIMEX3 tagger and normaliser that needs no training data.
 */
package org.corpusbench.baseline.timex;
