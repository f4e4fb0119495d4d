/** Plain-text articles, one document per file. */
package org.corpusbench.format.text;
