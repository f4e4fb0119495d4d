package org.corpusbench.eval.tags;

import java.lang.management.ManagementFactory;

/**
 * How many parts a file is scored in with {@code --threads N} (issue 15, item 4): parts cost a thread, a
 * probe for each cut and a merge, and each thread's code must be compiled before it runs fast, so below a
 * size they make a run slower, never faster; and a part only runs beside another if a processor is idle. So a
 * part must hold at least {@link #MIN_PART_BYTES}, and while the machine has no idle processor (its load
 * average, where the system gives one, is at least the number of processors) a file is scored in one piece.
 * The figures are the same either way.
 */
final class Parts {

    /**
     * The least bytes per part. On the standard machine (2 cores, idle) {@code --threads 2} made conlleval
     * 0.8 times as fast at 2 million tokens (38 MB) and 1.6 times at 20 million (401 MB), a fixed cost of about
     * 0.27 s against half the reading: the two meet near 4 million tokens (75 MB); two parts start at twice
     * this, above that. docs/performance.md ("--threads", issue 15) has the figures.
     */
    static final long MIN_PART_BYTES = 48L << 20;

    private Parts() {
    }

    /** The parts for a file of {@code bytes} and {@code threads} asked for, on this machine as it is now. */
    static int of(long bytes, int threads, long minPartBytes) {
        if (threads <= 1 || minPartBytes > 0 && bytes / minPartBytes < 2) {
            return 1; // decided without asking for the load average, whose management classes cost start-up time
        }
        return of(bytes, threads, minPartBytes, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The parts for a file of {@code bytes} and {@code threads} asked for, each at least {@code minPartBytes}
     * (0: as many as asked, whatever the size and the load; for tests), given the system's load average
     * (negative when unknown) and processors.
     */
    static int of(long bytes, int threads, long minPartBytes, double loadAverage, int processors) {
        if (threads <= 1) {
            return 1;
        }
        if (minPartBytes <= 0) {
            return threads;
        }
        int n = (int) Math.max(1, Math.min(threads, bytes / minPartBytes));
        return n > 1 && loadAverage >= processors ? 1 : n;
    }
}
