/** brat rapid annotation tool standoff files ({@code .txt} + {@code .ann}). */
package org.corpusbench.format.brat;
