/**
 * Benchmark inputs and workloads: deterministic synthetic corpora of any size (CoNLL files, span
 * lists, JSONL corpora) and the operations whose cost {@code corpusbench bench} and the JMH benchmarks
 * measure. Not needed to use the library.
 */
package org.corpusbench.bench;
