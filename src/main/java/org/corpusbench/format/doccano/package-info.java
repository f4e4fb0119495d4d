/** doccano's JSON Lines for sequence labelling: {@code text} and {@code label} triples, offsets in UTF-16 units (issue 17). */
package org.corpusbench.format.doccano;
