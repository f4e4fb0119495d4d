/** Documents in CSV files with configurable columns (RFC 4180). */
package org.corpusbench.format.csv;
