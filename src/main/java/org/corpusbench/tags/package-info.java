/**
 * Token tag schemes (IOB1, IOB2, IOE1, IOE2, IOBES, BILOU) and chunking of tag sequences into typed spans.
 * Both the CoNLL and Hugging Face formats and the tag evaluators use them, so they sit below both.
 */
package org.corpusbench.tags;
