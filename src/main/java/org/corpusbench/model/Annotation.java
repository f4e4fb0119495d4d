package org.corpusbench.model;

/** Something anchored to a stretch of one document's text. */
public sealed interface Annotation permits EntityMention, Timex3 {

    Span span();
}
