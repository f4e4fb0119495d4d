/**
 * Where a problem is and what it is: {@link org.corpusbench.diagnostic.Location},
 * {@link org.corpusbench.diagnostic.Diagnostic} and the exceptions that carry them. A leaf of the package
 * graph, so that every layer, from the line readers up to the command line, reports problems the same way.
 */
package org.corpusbench.diagnostic;
