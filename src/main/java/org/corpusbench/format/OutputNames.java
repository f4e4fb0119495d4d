package org.corpusbench.format;

import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.Location;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * File names made from document ids. An id comes from data, so it must never reach outside the output
 * directory: {@code ../x}, absolute paths and separators are rejected, not cleaned up.
 */
public final class OutputNames {

    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}_-][\\p{L}\\p{N}._ -]{0,199}");

    private OutputNames() {
    }

    /** {@code dir/id + suffix}, or an error naming the id when it is not a plain file name. */
    public static Path file(Path dir, String docId, String suffix) throws CorpusFormatException {
        if (docId == null || !SAFE.matcher(docId).matches() || docId.contains("..")) {
            throw new CorpusFormatException(Location.ofFile(dir.toString()), "doc_id", "'" + docId + "' cannot be a "
                    + "file name; expected letters, digits, '_', '-', '.' or spaces, not starting with '.' and "
                    + "without '..' or path separators");
        }
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(docId + suffix).normalize();
        if (!base.equals(p.getParent())) {
            throw new CorpusFormatException(Location.ofFile(dir.toString()), "doc_id", "'" + docId
                    + "' would be written outside " + dir);
        }
        return p;
    }
}
