/**
 * Every format behind one interface: {@link org.corpusbench.format.registry.CorpusFormat} names each format
 * the command line knows, reads it into a {@link org.corpusbench.format.Corpus} and writes one out, and says
 * which layers it holds, so that an export can say what it leaves out.
 */
package org.corpusbench.format.registry;
