/** Sentence-pair files in the SNLI / MNLI / ANLI / Hugging Face shapes, for NLI tools. */
package org.corpusbench.format.nli;
