package org.corpusbench.evaluation;

import java.util.Locale;
import org.corpusbench.eval.stats.PoissonBootstrap;

/**
 * How the 95% intervals are resampled (issue 15). The classic bootstrap draws units with replacement and
 * keeps one row of counts per unit; the Poisson bootstrap weights each unit by Poisson(1) draws seeded by
 * the unit's key and keeps B sums, so its memory does not grow with the input and its result does not
 * depend on how the input is split. docs/reliability.md says how the two differ.
 */
public enum BootstrapMethod {
    /** Classic up to {@link PoissonBootstrap#STREAMING_ABOVE_UNITS} units, Poisson above. */
    AUTO,
    /** Always the classic bootstrap (one row per unit in memory): the published intervals of the releases. */
    CLASSIC,
    /** Always the streaming Poisson bootstrap. */
    POISSON;

    /** The name on the command line and in reports: {@code auto}, {@code classic}, {@code poisson}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code units} units are resampled by Poisson weights under this method. */
    public boolean poissonFor(long units) {
        return this == POISSON || this == AUTO && units > PoissonBootstrap.STREAMING_ABOVE_UNITS;
    }

    /** The method of a name, case-insensitively; {@code null} when none. */
    public static BootstrapMethod parse(String name) {
        for (BootstrapMethod m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        return null;
    }
}
