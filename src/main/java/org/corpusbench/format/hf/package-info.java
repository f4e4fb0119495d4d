/** JSONL that Hugging Face {@code datasets} loads as it is: span records per document and a token view. */
package org.corpusbench.format.hf;
