/** The command line. The only code that prints to the terminal or chooses an exit code. */
package org.corpusbench.cli;
