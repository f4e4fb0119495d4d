/**
 * Reading and writing corpora. Each format has its own sub-package with a reader and a writer; errors
 * in input are {@link org.corpusbench.diagnostic.CorpusFormatException}s that carry their location.
 */
package org.corpusbench.format;
