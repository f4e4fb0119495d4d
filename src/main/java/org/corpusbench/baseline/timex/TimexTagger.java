package org.corpusbench.baseline.timex;

import java.time.LocalDate;
import java.util.List;
import org.corpusbench.model.Document;
import org.corpusbench.model.Timex3;

/**
 * A temporal-expression baseline: finds TIMEX3 expressions in a document and normalises them. The
 * creation date is optional because the oreshnik-reports articles carry none; without it, values stay
 * underspecified ({@code XXXX-12}) as the annotation guidelines require.
 */
public interface TimexTagger {

    /** A short name for leaderboards. */
    String name();

    /** Expressions found in {@code doc}, in text order, without overlaps; {@code creationDate} may be null. */
    List<Timex3> tag(Document doc, LocalDate creationDate);
}
