package org.corpusbench.spark;

import java.util.Arrays;
import org.corpusbench.eval.stats.PoissonBootstrap;
import org.corpusbench.eval.tags.TagEvaluator;
import org.corpusbench.evaluation.BootstrapMethod;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;

/**
 * The sentences of one part of a CoNLL file as units of the tags' bootstrap, kept as {@code evaluate} keeps
 * them for each of its parts: every sentence's overall tp, fp and fn added to a {@link Evaluations#tagBootstrap}
 * keyed by the sentence's byte offset in the file (unless the settings' method is classic or there are no
 * resamples), and each sentence's row in file order while the part has no more sentences than the classic
 * bootstrap is chosen for (the whole file then has at least as many). On the driver, the number of sentences of
 * the whole file picks which of the two the intervals come from ({@link Evaluations#tags(
 * org.corpusbench.evaluation.Provenance.Input, EvaluationSettings, org.corpusbench.eval.tags.TagCounts, long,
 * PoissonBootstrap, org.corpusbench.eval.stats.CountRows)}). Unlike {@code evaluate}'s, this sink adds on the
 * task's own thread: a Spark executor runs a task per core already.
 */
final class TagSentences implements TagEvaluator.SentenceSink {

    private static final int WIDTH = Evaluations.TAG_ROW_WIDTH;
    private final BootstrapMethod method;
    private final PoissonBootstrap<long[]> poisson;
    private final long[] row = new long[WIDTH];
    private int[] rows;
    private int rowCount;
    private long sentences;

    TagSentences(EvaluationSettings s) {
        method = s.bootstrap();
        boolean any = s.resamples() > 0;
        poisson = any && method != BootstrapMethod.CLASSIC ? Evaluations.tagBootstrap(s) : null;
        rows = any && method != BootstrapMethod.POISSON ? new int[WIDTH * 256] : null;
    }

    @Override
    public void sentence(long offset, long tp, long fp, long fn) {
        sentences++;
        if (poisson != null) {
            row[0] = tp;
            row[1] = fp;
            row[2] = fn;
            poisson.add(offset, row);
        }
        if (rows != null) {
            if (method.poissonFor(sentences)) {
                rows = null; // the file has at least as many: the Poisson bootstrap it is
                return;
            }
            if ((rowCount + 1) * WIDTH > rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            int at = rowCount++ * WIDTH;
            rows[at] = Math.toIntExact(tp);
            rows[at + 1] = Math.toIntExact(fp);
            rows[at + 2] = Math.toIntExact(fn);
        }
    }

    long sentences() {
        return sentences;
    }

    PoissonBootstrap<long[]> poisson() {
        return poisson;
    }

    /** The rows kept, exactly {@code sentences() * 3} counts, or {@code null}. */
    int[] rows() {
        return rows == null ? null : Arrays.copyOf(rows, rowCount * WIDTH);
    }
}
