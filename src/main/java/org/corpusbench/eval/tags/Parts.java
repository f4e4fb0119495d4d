package org.corpusbench.eval.tags;

/**
 * How many parts a file is scored in with {@code --threads N} (issue 15, item 4): parts cost a thread, a
 * probe for each cut and a merge, and each thread's code must be compiled before it runs fast, so below a
 * size they make a run slower, never faster. A part must then hold at least {@link #MIN_PART_BYTES}; a smaller
 * file is scored in one piece whatever N is. The figures are the same either way.
 */
final class Parts {

    /**
     * The least bytes per part: measured on the standard machine (2 cores), where {@code --threads 2} starts to
     * pay at about twice this (docs/performance.md, "--threads").
     */
    static final long MIN_PART_BYTES = 32L << 20;

    private Parts() {
    }

    /** The parts for a file of {@code bytes} and {@code threads} asked for, each at least {@code minPartBytes}. */
    static int of(long bytes, int threads, long minPartBytes) {
        if (threads <= 1) {
            return 1;
        }
        if (minPartBytes <= 0) {
            return threads;
        }
        return (int) Math.max(1, Math.min(threads, bytes / minPartBytes));
    }
}
