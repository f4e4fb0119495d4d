/** Validation of corpora against the JSON Schemas and their own text; returns diagnostics, never throws. */
package org.corpusbench.schema;
