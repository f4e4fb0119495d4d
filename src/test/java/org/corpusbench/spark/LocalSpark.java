package org.corpusbench.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session with two cores for every test of this package: starting one takes seconds, so the
 * tests share it (the command line's tests too: {@code SparkEngine} uses a running session and leaves it
 * running). Spark's own shutdown hook stops it when the test JVM exits.
 */
public final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    /** The session, started on first use. */
    public static synchronized SparkSession session() {
        if (session == null) {
            // started as the command line starts it (SparkEngine.start), with the settings it gives a local master
            SparkEngine.start("corpusbench-tests", "local[2]", java.util.Map.of("spark.ui.enabled", "false"));
            session = SparkSession.getDefaultSession().get();
        }
        return session;
    }
}
