/**
 * Internal helpers (UTF-8 line reading, atomic writes, hashing, CoNLL columns, markup escaping). Public
 * only so that other corpusbench packages can use them; not part of the API and may change in any release.
 */
package org.corpusbench.internal;
