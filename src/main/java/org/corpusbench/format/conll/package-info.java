/** CoNLL-2003 style token-per-line files with entity tags in a chosen scheme. */
package org.corpusbench.format.conll;
