package org.corpusbench.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpusbench.internal.Hashes;

/**
 * Predictions as JSON lines, wherever they come from: a local file ({@link #of(Path)}), or a source an engine
 * reads for {@link Evaluations#evaluate(Task, GoldCorpus, PredictionSource, EvaluationSettings,
 * Evaluations.UnitBootstrap, Evaluations.PartsEngine)} (issue 16: a file on a Hadoop file system, the rows of
 * a Parquet file as JSON records). The reader, the checks and the report are the same for every source; only
 * the name the messages and the report give it, its format and the SHA-256 it is named by differ.
 */
public interface PredictionSource {

    /** The name locations and the report give the predictions: the path as the user gave it. */
    String name();

    /** The format the report names ({@code jsonl}, {@code parquet}). */
    String format();

    /** The SHA-256 the report names the predictions by (docs/reliability.md says how each format is hashed). */
    String sha256() throws IOException;

    /**
     * The predictions as JSON lines, one record a line, numbered as messages number them (a file's lines; a
     * Parquet file's rows). Each call starts from the first record; the caller closes the stream.
     */
    InputStream open() throws IOException;

    /** The JSON Lines file {@code file}, named as {@code file.toString()}. */
    static PredictionSource of(Path file) {
        return new PredictionSource() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public String format() {
                return "jsonl";
            }

            @Override
            public String sha256() throws IOException {
                return Hashes.sha256(file);
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }
}
