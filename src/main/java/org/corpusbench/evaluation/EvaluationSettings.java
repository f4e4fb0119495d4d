package org.corpusbench.evaluation;

import java.util.Objects;
import org.corpusbench.eval.stats.Bootstrap;
import org.corpusbench.eval.tags.TagMode;
import org.corpusbench.tags.TagScheme;

/**
 * How an evaluation is run, with the command line's defaults ({@link #defaults()}). Each setting applies to
 * some tasks only; the others ignore it, and the command line refuses a setting given where it does not
 * apply.
 *
 * @param tagMode       CoNLL input: {@link TagMode#DEFAULT} decodes chunks as conlleval and seqeval's default
 *                      mode do, {@link TagMode#STRICT} by {@code scheme}
 * @param scheme        CoNLL input: the tag scheme; required by strict mode, recorded only in default mode;
 *                      may be {@code null} in default mode
 * @param matching      contradictions: when a predicted pair matches a gold pair
 * @param conll4        entities against a gold corpus: map OntoNotes labels of both sides to PER/ORG/LOC/MISC
 *                      and leave the others out
 * @param skipDocstart  tags: leave {@code -DOCSTART-} lines out of the token count
 * @param lenient       JSONL predictions: skip (and report) bad predictions instead of refusing the file
 * @param allowEmpty    contradictions: score an empty predictions file (no line at all) as a detector that
 *                      flagged no pair, instead of refusing it as a wrong or truncated file
 * @param threads       tags: parts of the file scored in parallel (the figures do not depend on it)
 * @param resamples     bootstrap resamples for the 95% intervals; 0 gives no interval
 * @param seed          bootstrap seed
 * @param bootstrap     how the intervals are resampled: classic, Poisson, or chosen by the number of units
 */
public record EvaluationSettings(TagMode tagMode, TagScheme scheme, ContradictionMatching matching, boolean conll4,
                                 boolean skipDocstart, boolean lenient, boolean allowEmpty, int threads, int resamples,
                                 long seed, BootstrapMethod bootstrap) {

    /** The command line's default seed, so that library and command line give the same intervals. */
    public static final long DEFAULT_SEED = 13;

    /**
     * Requires a decoding mode and a contradiction matching; refuses strict decoding without a scheme, fewer
     * than one thread, and a number of resamples outside 0 to {@link Bootstrap#MAX_RESAMPLES}.
     */
    public EvaluationSettings {
        Objects.requireNonNull(tagMode, "tagMode");
        Objects.requireNonNull(matching, "matching");
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (tagMode == TagMode.STRICT && scheme == null) {
            throw new IllegalArgumentException("strict decoding needs a tag scheme");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (resamples < 0 || resamples > Bootstrap.MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be between 0 and " + Bootstrap.MAX_RESAMPLES
                    + ", not " + resamples);
        }
    }

    /**
     * Default decoding, span matching, no mapping, strict input, one thread, 1000 resamples, seed 13, the
     * bootstrap method chosen by the number of units.
     */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(TagMode.DEFAULT, null, ContradictionMatching.SPAN, false, false, false, false,
                1, Bootstrap.DEFAULT_RESAMPLES, DEFAULT_SEED, BootstrapMethod.AUTO);
    }

    /**
     * These settings with CoNLL chunks decoded by {@code mode}; {@code tagScheme} may be {@code null} only in
     * default mode.
     */
    public EvaluationSettings withDecoding(TagMode mode, TagScheme tagScheme) {
        return new EvaluationSettings(mode, tagScheme, matching, conll4, skipDocstart, lenient, allowEmpty, threads,
                resamples, seed, bootstrap);
    }

    /** These settings with contradictions matched by {@code m}. */
    public EvaluationSettings withMatching(ContradictionMatching m) {
        return new EvaluationSettings(tagMode, scheme, m, conll4, skipDocstart, lenient, allowEmpty, threads,
                resamples, seed, bootstrap);
    }

    /**
     * These settings with, when {@code map}, the OntoNotes labels of both sides mapped to PER/ORG/LOC/MISC
     * and the labels without a mapping left out.
     */
    public EvaluationSettings withConll4(boolean map) {
        return new EvaluationSettings(tagMode, scheme, matching, map, skipDocstart, lenient, allowEmpty, threads,
                resamples, seed, bootstrap);
    }

    /** These settings with {@code -DOCSTART-} lines left out of the token count when {@code skip}. */
    public EvaluationSettings withSkipDocstart(boolean skip) {
        return new EvaluationSettings(tagMode, scheme, matching, conll4, skip, lenient, allowEmpty, threads,
                resamples, seed, bootstrap);
    }

    /**
     * These settings with bad JSONL predictions skipped and reported ({@code true}) or refusing the file
     * ({@code false}).
     */
    public EvaluationSettings withLenient(boolean skipBadPredictions) {
        return new EvaluationSettings(tagMode, scheme, matching, conll4, skipDocstart, skipBadPredictions, allowEmpty,
                threads, resamples, seed, bootstrap);
    }

    /**
     * These settings with a CoNLL file scored in up to {@code n} parts in parallel; the figures are the same
     * for any {@code n}.
     */
    public EvaluationSettings withThreads(int n) {
        return new EvaluationSettings(tagMode, scheme, matching, conll4, skipDocstart, lenient, allowEmpty, n,
                resamples, seed, bootstrap);
    }

    /**
     * These settings with {@code bootstrapResamples} bootstrap resamples (0 for no interval) drawn from
     * {@code bootstrapSeed}.
     */
    public EvaluationSettings withIntervals(int bootstrapResamples, long bootstrapSeed) {
        return new EvaluationSettings(tagMode, scheme, matching, conll4, skipDocstart, lenient, allowEmpty, threads,
                bootstrapResamples, bootstrapSeed, bootstrap);
    }

    /** The same settings with intervals resampled by {@code method}. */
    public EvaluationSettings withBootstrap(BootstrapMethod method) {
        return new EvaluationSettings(tagMode, scheme, matching, conll4, skipDocstart, lenient, allowEmpty, threads,
                resamples, seed, method);
    }

    /**
     * These settings with an empty file of contradiction predictions scored as a detector that flagged no pair
     * (refused otherwise, as a truncated output would be).
     */
    public EvaluationSettings withAllowEmpty(boolean emptyIsNoPair) {
        return new EvaluationSettings(tagMode, scheme, matching, conll4, skipDocstart, lenient, emptyIsNoPair,
                threads, resamples, seed, bootstrap);
    }
}
