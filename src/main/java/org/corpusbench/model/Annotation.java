package org.corpusbench.model;

/** Something anchored to a stretch of one document's text. */
public sealed interface Annotation permits EntityMention, Timex3 {

    /**
     * Where the annotation is in its document's raw text, with its surface text: what span matching compares
     * for either kind.
     */
    Span span();
}
