package org.corpusbench.format.registry;

import java.util.Objects;
import org.corpusbench.format.brat.Brat;
import org.corpusbench.tags.TagScheme;

/**
 * How a format is read, where the file alone does not say.
 *
 * @param scheme    CoNLL: the tag scheme the tags are decoded in
 * @param fragments brat: what becomes of a discontinuous annotation
 */
public record ReadOptions(TagScheme scheme, Brat.Fragments fragments) {

    /** Requires both options, whichever format is read; {@link #defaults()} gives the usual ones. */
    public ReadOptions {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(fragments, "fragments");
    }

    /** IOB2 tags; discontinuous brat annotations refused. */
    public static ReadOptions defaults() {
        return new ReadOptions(TagScheme.IOB2, Brat.Fragments.REFUSE);
    }
}
