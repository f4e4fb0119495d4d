package org.corpusbench.format.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.corpusbench.internal.AtomicFiles;

/**
 * Writes model records as JSON Lines: UTF-8, one record per line, LF line ends, non-ASCII characters
 * written as themselves. Files are replaced atomically.
 */
public final class JsonlWriter {

    private JsonlWriter() {
    }

    /** Writes every record of {@code records} to {@code file}, one line each. */
    public static void write(Path file, Iterable<?> records) throws IOException {
        AtomicFiles.write(file, out -> write(out, records));
    }

    /**
     * Writes every record of {@code records} to {@code out}, one line each; {@code out} is flushed, not
     * closed. A record that is not a document, annotations, contradiction or NLI pair is an
     * {@link IllegalArgumentException}.
     */
    public static void write(OutputStream out, Iterable<?> records) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (Object r : records) {
            try (JsonGenerator g = JsonCodec.FACTORY.createGenerator(w)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                JsonCodec.writeAny(g, r);
            }
            w.write('\n');
        }
        w.flush();
    }
}
