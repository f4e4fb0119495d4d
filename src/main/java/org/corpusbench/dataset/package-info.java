/** Datasets: reading corpora from files, statistics, and versioned releases. */
package org.corpusbench.dataset;
