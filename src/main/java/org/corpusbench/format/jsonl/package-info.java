/** JSON Lines: the native form of corpusbench documents, annotations, contradictions and NLI pairs. */
package org.corpusbench.format.jsonl;
