/**
 * JMH benchmarks of the scorers, the bootstrap and the validator, on the deterministic inputs of
 * {@link org.corpusbench.bench.SyntheticData}. Built and run only with the {@code bench} Maven profile.
 */
package org.corpusbench.jmh;
