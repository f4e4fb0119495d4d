/**
 * The annotation model: immutable records for documents and their layers. All offsets are Unicode code
 * points into a document's raw text, end exclusive.
 */
package org.corpusbench.model;
