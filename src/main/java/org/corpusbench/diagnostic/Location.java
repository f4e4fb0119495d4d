package org.corpusbench.diagnostic;

/**
 * Where in an input something was found: file, 1-based line and, when known, 1-based column (in code
 * points). A line is a physical line of the file, not a record number.
 *
 * @param file   the file name as the user gave it, or {@code "<stdin>"}
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Location(String file, long line, long column) {

    /** A line of a file when the column is not known, as for a record that takes up its line. */
    public static Location of(String file, long line) {
        return new Location(file, line, 0);
    }

    /** A file as a whole, for a problem that no line holds: a file that is missing, empty or cannot be read. */
    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    /** {@code file:line:column}, omitting parts that are unknown. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }
}
