/**
 * WebAnno TSV 3.3, INCEpTION's tab-separated export and import format: one file per document, named entities
 * with their entity id in the {@code identifier} feature, offsets in UTF-16 units (issue 17).
 */
package org.corpusbench.format.webanno;
