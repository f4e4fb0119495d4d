package org.corpusbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.internal.Hashes;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.NliLabel;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;

/**
 * A small slice of the released dataset, for the byte-mutation properties (issue 12, item 8): the first two
 * documents of {@code datasets/oreshnik-reports/1.0.1} cut to their first {@link #CUT} code points, with a
 * line of astral and non-Latin text appended, and the gold that lies within them. Small seeds make
 * mutations land on structure (quotes, separators, offsets) rather than in long texts.
 */
public final class FuzzSeeds {

    /** The release the slice is cut from. */
    public static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");
    /** Code points kept of each document's text. */
    static final int CUT = 260;
    /** Appended to each document: an astral character (two Java chars, one code point) and Cyrillic. */
    static final String TAIL = "\nLukashenko (Лукашенко) 🚀 on 6 December.";

    private static Slice slice;

    private FuzzSeeds() {
    }

    /** The documents and their gold. */
    public record Slice(List<Document> documents, Map<String, DocumentAnnotations> annotations,
                        List<Contradiction> contradictions, List<NliPair> nli) {

        public List<DocumentAnnotations> annotationList() {
            return List.copyOf(annotations.values());
        }
    }

    /** The slice, read once. */
    public static synchronized Slice slice() throws IOException {
        if (slice == null) {
            slice = read();
        }
        return slice;
    }

    private static Slice read() throws IOException {
        List<Document> docs = new ArrayList<>();
        try (Stream<Document> s = JsonlReader.documents(RELEASE.resolve("documents.jsonl"))) {
            s.limit(2).forEach(d -> {
                String text = CodePoints.substring(d.text(), 0, CUT) + TAIL;
                docs.add(new Document(d.id(), text, d.title(), d.source(), Hashes.sha256(text), d.metadata()));
            });
        }
        Map<String, Document> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        try (Stream<DocumentAnnotations> s = JsonlReader.annotations(RELEASE.resolve("annotations.jsonl"))) {
            s.filter(a -> byId.containsKey(a.docId())).forEach(a -> anns.put(a.docId(), new DocumentAnnotations(
                    a.docId(), a.entities().stream().filter(e -> e.span().end() <= CUT).toList(),
                    a.timexes().stream().filter(t -> t.span().end() <= CUT).toList())));
        }
        // the release's contradictions and NLI pairs lie further into the texts: two of each, made from
        // the kept gold, one NLI pair with a premise that is not drawn from the corpus
        List<DocumentAnnotations> a = List.copyOf(anns.values());
        EntityMention e0 = a.get(0).entities().get(0);
        EntityMention e1 = a.get(1).entities().get(a.get(1).entities().size() - 1);
        Timex3 t0 = a.get(0).timexes().isEmpty() ? null : a.get(0).timexes().get(0);
        List<Contradiction> contradictions = new ArrayList<>();
        contradictions.add(new Contradiction("c001", ContradictionType.NAME, new Evidence(a.get(0).docId(), e0.span()),
                new Evidence(a.get(1).docId(), e1.span()), "Two names, one \"thing\"; or not."));
        Span last = span(docs.get(1), CodePoints.length(docs.get(1).text()) - 9, CodePoints.length(docs.get(1).text()));
        contradictions.add(new Contradiction("c002", ContradictionType.TEMPORAL, new Evidence(a.get(1).docId(), last),
                new Evidence(a.get(0).docId(), t0 == null ? e0.span() : t0.span()), "The dates differ."));
        List<NliPair> nli = new ArrayList<>();
        nli.add(new NliPair("n001", Segment.of(a.get(0).docId(), e0.span()), Segment.of(a.get(1).docId(), last),
                NliLabel.CONTRADICTION, "c001"));
        nli.add(new NliPair("n002", Segment.of("Lukashenko said \"no\", 🚀."), Segment.of(a.get(1).docId(), e1.span()),
                NliLabel.NEUTRAL, null));
        return new Slice(List.copyOf(docs), anns, List.copyOf(contradictions), List.copyOf(nli));
    }

    /** {@code records} as JSON Lines, written by the project's writer. */
    public static byte[] jsonl(Iterable<?> records) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.corpusbench.format.jsonl.JsonlWriter.write(out, records);
        return out.toByteArray();
    }

    /** Sentences are lines; tokens are runs of characters other than white space. */
    public static List<List<Span>> whitespaceTokens(String text) {
        List<List<Span>> sentences = new ArrayList<>();
        List<Span> current = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (cps[i] == '\n') {
                if (!current.isEmpty()) {
                    sentences.add(current);
                    current = new ArrayList<>();
                }
                i++;
            } else if (Character.isWhitespace(cps[i])) {
                i++;
            } else {
                int start = i;
                while (i < cps.length && !Character.isWhitespace(cps[i])) {
                    i++;
                }
                current.add(Span.of(text, start, i));
            }
        }
        if (!current.isEmpty()) {
            sentences.add(current);
        }
        return sentences;
    }

    private static Span span(Document d, int start, int end) {
        return Span.of(d.text(), start, end);
    }
}
