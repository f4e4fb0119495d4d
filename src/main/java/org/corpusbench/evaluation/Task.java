package org.corpusbench.evaluation;

import java.util.Locale;

/**
 * What is scored. {@link #TAGS} scores a CoNLL file on its own; the others score predictions against the
 * layer of a gold corpus that {@link #layer()} names (entities can also come from a CoNLL file).
 */
public enum Task {
    /** Gold and predicted tags of a CoNLL file, scored on their own by chunks as conlleval does. */
    TAGS(null),
    /** Entity mentions against the gold entities, under the four SemEval-2013 schemes. */
    ENTITIES(GoldCorpus.Layer.ENTITIES),
    /** TIMEX3 expressions against the gold ones, as TempEval-3 scores them. */
    DATES(GoldCorpus.Layer.TIMEXES),
    /** Contradiction pairs against the gold pairs, matched one to one. */
    CONTRADICTIONS(GoldCorpus.Layer.CONTRADICTIONS),
    /** NLI labels against the labels of the gold pairs. */
    NLI(GoldCorpus.Layer.NLI);

    private final GoldCorpus.Layer layer;

    Task(GoldCorpus.Layer layer) {
        this.layer = layer;
    }

    /** The gold layer this task scores; {@code null} for {@link #TAGS}, which needs no gold corpus. */
    public GoldCorpus.Layer layer() {
        return layer;
    }

    /** The name on the command line and in reports: {@code tags}, {@code entities}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task of a name, case-insensitively; {@code null} when there is none. */
    public static Task parse(String name) {
        for (Task t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }
}
