/** TimeML ({@code .tml}) documents with inline TIMEX3, as TempEval-3 uses them. */
package org.corpusbench.format.timeml;
