package org.corpusbench.agreement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.corpusbench.dataset.CorpusFiles;
import org.corpusbench.dataset.GoldSources;
import org.corpusbench.dataset.Manifest;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.format.jsonl.JsonlWriter;
import org.corpusbench.internal.Hashes;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;
import org.corpusbench.model.Segment;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.diagnostic.Diagnostic;
import org.corpusbench.diagnostic.InvalidInputException;

/**
 * Reads annotation sets from whatever corpusbench already reads as a corpus with annotations, and refuses
 * sets that do not annotate the same documents with the same texts. Every set is validated as gold before
 * it is used, as {@code evaluate} validates its gold: an agreement figure computed from a set with a
 * shifted offset or an overlapping entity would be a plausible wrong number.
 *
 * <ul>
 * <li>a release directory (it has {@code manifest.json}): checksums verified, then read as the gold is;</li>
 * <li>a gold-sources folder in the shape of {@code datasets/NAME/gold} (it has {@code entities.tsv} or
 * {@code timexes.tsv}, and may have {@code contradictions.jsonl} and {@code nli.jsonl}), whose texts are the
 * seed articles;</li>
 * <li>any other directory of corpusbench JSONL files (documents and annotations);</li>
 * <li>a JSONL file of annotations (and contradictions), holding its documents or with them given apart.</li>
 * </ul>
 */
public final class AnnotationSets {

    private AnnotationSets() {
    }

    /**
     * Reads and validates one annotation set.
     *
     * @param name      how reports name the annotator
     * @param source    the path given by the user
     * @param seeds     the seed texts of a gold-sources folder (unused for other kinds; may then be null)
     * @param documents documents for a JSONL file that holds none of its own (unused otherwise; may be null)
     * @throws InvalidInputException listing every problem the validator finds in the set
     * @throws CorpusFormatException when the set cannot be read, or has no documents
     */
    public static AnnotationSet read(String name, Path source, Path seeds, Path documents) throws IOException {
        if (!Files.exists(source)) {
            throw new java.nio.file.NoSuchFileException(source.toString());
        }
        if (Files.isDirectory(source) && !Files.exists(source.resolve(Manifest.FILE_NAME))
                && (Files.exists(source.resolve("entities.tsv")) || Files.exists(source.resolve("timexes.tsv")))) {
            return goldSources(name, source, seeds);
        }
        if (Files.isDirectory(source)) {
            GoldCorpus g = GoldCorpus.read(source);
            List<Path> files = new ArrayList<>();
            g.files().forEach(f -> files.add(f.path()));
            if (Files.exists(source.resolve(Manifest.FILE_NAME))) {
                files.add(source.resolve(Manifest.FILE_NAME));
            }
            AnnotationSet.Release release = g.fingerprint() == null ? null
                    : new AnnotationSet.Release(g.name(), g.version(), g.fingerprint());
            return new AnnotationSet(name, source, release == null ? AnnotationSet.Kind.JSONL
                    : AnnotationSet.Kind.RELEASE, g.documents(), g.annotations(), g.contradictions(), g.nliPairs(),
                    hashed(files), release);
        }
        List<Path> paths = new ArrayList<>(List.of(source));
        if (documents != null && !holdsDocuments(source)) {
            paths.add(documents);
        }
        List<Diagnostic> problems = CorpusValidator.validate(paths, CorpusValidator.Role.GOLD).stream()
                .filter(Diagnostic::isError).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException("annotation set " + name + " (" + source + ")", problems,
                    "an annotation set must validate as gold before agreement is measured: run 'corpusbench "
                            + "validate " + String.join(" ", paths.stream().map(Path::toString).toList()) + "'");
        }
        Map<String, Document> docs = new LinkedHashMap<>();
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        List<Contradiction> cs = new ArrayList<>();
        List<NliPair> nli = new ArrayList<>();
        CorpusFiles.visit(paths, new CorpusFiles.Visitor() {
            @Override
            public void document(Document d) {
                docs.put(d.id(), d);
            }

            @Override
            public void annotations(DocumentAnnotations a) {
                anns.put(a.docId(), a);
            }

            @Override
            public void contradiction(Contradiction c) {
                cs.add(c);
            }

            @Override
            public void nliPair(NliPair p) {
                nli.add(p);
            }
        });
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            files.addAll(CorpusFiles.expand(p));
        }
        return new AnnotationSet(name, source, AnnotationSet.Kind.JSONL, docs, anns, cs, nli, hashed(files), null);
    }

    /**
     * Whether a set given as a file holds its documents: any file but a {@code .jsonl} one does, and a
     * {@code .jsonl} file when at least one record is a document (a malformed file is left to the validator).
     */
    public static boolean holdsDocuments(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".jsonl")) {
            return true;
        }
        try (JsonlReader r = JsonlReader.open(file)) {
            for (JsonlReader.JsonLine l = r.next(); l != null; l = r.next()) {
                if (JsonCodec.RecordKind.of(l.node()) == JsonCodec.RecordKind.DOCUMENT) {
                    return true;
                }
            }
        } catch (CorpusFormatException e) {
            return true; // reported, with its line, by the validator
        }
        return false;
    }

    /**
     * A gold-sources folder, read as {@code build} reads it and validated as the release built from it would
     * be; the lines of its problems are those of the release files it would become.
     */
    private static AnnotationSet goldSources(String name, Path dir, Path seeds) throws IOException {
        if (seeds == null || !Files.isDirectory(seeds)) {
            throw new CorpusFormatException(Location.ofFile(dir.toString()), null, "is a gold-sources folder, whose "
                    + "texts are the seed articles, but no seeds folder was found" + (seeds == null ? ""
                    : " at " + seeds) + "; expected the folder of .txt articles the gold was made from");
        }
        GoldSources.Gold gold = GoldSources.read(seeds, dir);
        Path staged = Files.createTempDirectory("corpusbench-agree");
        try {
            JsonlWriter.write(staged.resolve("documents.jsonl"), gold.documents());
            JsonlWriter.write(staged.resolve("annotations.jsonl"), gold.annotations());
            if (!gold.contradictions().isEmpty()) {
                JsonlWriter.write(staged.resolve("contradictions.jsonl"), gold.contradictions());
            }
            if (!gold.nliPairs().isEmpty()) {
                JsonlWriter.write(staged.resolve("nli.jsonl"), gold.nliPairs());
            }
            List<Diagnostic> problems = CorpusValidator.validateStaged(staged, CorpusValidator.Role.GOLD, dir)
                    .stream().filter(Diagnostic::isError).toList();
            if (!problems.isEmpty()) {
                throw new InvalidInputException("annotation set " + name + " (" + dir + ")", problems,
                        "the lines are those of the release files the gold sources would become; fix the gold "
                                + "sources");
            }
        } finally {
            try (Stream<Path> s = Files.list(staged)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(staged);
        }
        Map<String, Document> docs = new LinkedHashMap<>();
        gold.documents().forEach(d -> docs.put(d.id(), d));
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        gold.annotations().forEach(a -> anns.put(a.docId(), a));
        List<Path> files = new ArrayList<>();
        for (String f : List.of("entities.tsv", "timexes.tsv", "contradictions.jsonl", "nli.jsonl")) {
            if (Files.exists(dir.resolve(f))) {
                files.add(dir.resolve(f));
            }
        }
        for (Document d : gold.documents()) {
            files.add(seeds.resolve(d.id() + ".txt"));
        }
        return new AnnotationSet(name, dir, AnnotationSet.Kind.GOLD_SOURCES, docs, anns, gold.contradictions(),
                gold.nliPairs(), hashed(files), null);
    }

    private static List<AnnotationSet.InputFile> hashed(List<Path> files) throws IOException {
        List<AnnotationSet.InputFile> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                out.add(new AnnotationSet.InputFile(f, Hashes.sha256(f)));
            }
        }
        return out;
    }

    /**
     * Refuses sets that do not hold the same documents with the same texts: their offsets would point into
     * different strings, and every figure would compare unrelated spans. Each problem names the record of
     * the document concerned ({@code file:line}, field {@code id} or {@code text}); all are reported at once.
     *
     * @throws CorpusFormatException one problem, or {@link CorpusFormatProblems} with all of them
     */
    public static void requireSameDocuments(List<AnnotationSet> sets) throws IOException {
        List<CorpusFormatException> problems = new ArrayList<>();
        AnnotationSet first = sets.get(0);
        for (AnnotationSet other : sets.subList(1, sets.size())) {
            for (Document d : first.documents().values()) {
                Document o = other.documents().get(d.id());
                if (o == null) {
                    problems.add(new CorpusFormatException(locate(first, d.id()), "id", "document '" + d.id()
                            + "' of annotation set " + first.name() + " is not in annotation set " + other.name()
                            + " (" + other.source() + "); expected every set to hold the same documents"));
                } else if (!textHash(o).equals(textHash(d))) {
                    problems.add(new CorpusFormatException(locate(other, d.id()), "text", "document '" + d.id()
                            + "' has a text of SHA-256 " + textHash(o).substring(0, 12) + "… ("
                            + o.length() + " code points) in annotation set " + other.name() + ", but "
                            + textHash(d).substring(0, 12) + "… (" + d.length() + " code points) in " + first.name()
                            + " (" + locate(first, d.id()) + "); expected the same text in every set, since the "
                            + "offsets point into it"));
                }
            }
            for (Document o : other.documents().values()) {
                if (!first.documents().containsKey(o.id())) {
                    problems.add(new CorpusFormatException(locate(other, o.id()), "id", "document '" + o.id()
                            + "' of annotation set " + other.name() + " is not in annotation set " + first.name()
                            + " (" + first.source() + "); expected every set to hold the same documents"));
                }
            }
        }
        problems.sort(Comparator.comparing((CorpusFormatException e) -> e.location().file())
                .thenComparingLong(e -> e.location().line()));
        CorpusFormatProblems.throwIfAny(problems);
    }

    /** SHA-256 of the document's text as UTF-8 (not of the bytes it was read from, which may hold a BOM). */
    static String textHash(Document d) {
        return Hashes.sha256(d.text());
    }

    /**
     * Where document {@code docId} of {@code set} was read: the JSONL line of its record, the {@code .txt}
     * file it came from, or the set's path when neither can be found.
     */
    static Location locate(AnnotationSet set, String docId) throws IOException {
        for (AnnotationSet.InputFile f : set.files()) {
            String n = f.path().getFileName().toString();
            if (n.equals(docId + ".txt")) {
                return Location.ofFile(f.path().toString());
            }
            if (n.endsWith(".jsonl")) {
                try (JsonlReader r = JsonlReader.open(f.path())) {
                    for (JsonlReader.JsonLine l = r.next(); l != null; l = r.next()) {
                        if (JsonCodec.RecordKind.of(l.node()) == JsonCodec.RecordKind.DOCUMENT
                                && docId.equals(l.node().path("id").asText(null))) {
                            return l.location();
                        }
                    }
                }
            }
        }
        return Location.ofFile(set.source().toString());
    }
    /**
     * Refuses NLI layers that do not label the same pairs: every set must hold the same pair ids, each with
     * the same premise and hypothesis (text, document and offsets), and every pair must carry a label.
     * Agreement on labels of different sentences would be a figure about nothing, and a comparison of the
     * pairs two sets happen to share would be a silent partial one. For each set that differs from the
     * first, the first difference in the first set's order is reported ({@code file:line}, the field, both
     * values), with how many more pairs differ; all sets are reported at once.
     *
     * @throws CorpusFormatException one problem, or {@link CorpusFormatProblems} with all of them
     */
    public static void requireSameNliPairs(List<AnnotationSet> sets) throws IOException {
        List<CorpusFormatException> problems = new ArrayList<>();
        AnnotationSet first = sets.get(0);
        Map<String, Location> firstAt = nliLocations(first);
        for (AnnotationSet s : sets) {
            Map<String, Location> at = s == first ? firstAt : nliLocations(s);
            for (NliPair p : s.nliPairs()) {
                if (p.label() == null) {
                    problems.add(new CorpusFormatException(at(at, s, p.id()), "label", "NLI pair '" + p.id()
                            + "' of annotation set " + s.name() + " has no label; expected entailment, neutral or "
                            + "contradiction on every pair whose agreement is measured"));
                    break;
                }
            }
        }
        for (AnnotationSet other : sets.subList(1, sets.size())) {
            Map<String, Location> otherAt = nliLocations(other);
            Map<String, NliPair> theirs = new LinkedHashMap<>();
            other.nliPairs().forEach(p -> theirs.put(p.id(), p));
            Map<String, NliPair> ours = new LinkedHashMap<>();
            first.nliPairs().forEach(p -> ours.put(p.id(), p));
            List<CorpusFormatException> differences = new ArrayList<>();
            String expected = "; expected every set to label the same NLI pairs, with the same premise and "
                    + "hypothesis (text, doc_id, start, end), or the NLI layer left out of the comparison (--layers "
                    + "without nli)";
            for (NliPair p : first.nliPairs()) {
                NliPair o = theirs.get(p.id());
                if (o == null) {
                    differences.add(new CorpusFormatException(at(firstAt, first, p.id()), "id", "NLI pair '" + p.id()
                            + "' of annotation set " + first.name() + " is not in annotation set " + other.name()
                            + " (" + other.source() + ")" + expected));
                    continue;
                }
                String[] d = firstDifference(p, o);
                if (d != null) {
                    differences.add(new CorpusFormatException(at(otherAt, other, p.id()), d[0], "NLI pair '" + p.id()
                            + "' has " + d[0] + " " + d[2] + " in annotation set " + other.name() + ", but " + d[1]
                            + " in " + first.name() + " (" + at(firstAt, first, p.id()) + ")" + expected));
                }
            }
            for (NliPair o : other.nliPairs()) {
                if (!ours.containsKey(o.id())) {
                    differences.add(new CorpusFormatException(at(otherAt, other, o.id()), "id", "NLI pair '" + o.id()
                            + "' of annotation set " + other.name() + " is not in annotation set " + first.name()
                            + " (" + first.source() + ")" + expected));
                }
            }
            if (!differences.isEmpty()) {
                CorpusFormatException e = differences.get(0);
                int more = differences.size() - 1;
                problems.add(more == 0 ? e : new CorpusFormatException(e.location(), e.field(),
                        e.originalMessage() + " (" + more + " more " + (more == 1 ? "pair differs" : "pairs differ")
                                + " between " + first.name() + " and " + other.name() + ")"));
            }
        }
        CorpusFormatProblems.throwIfAny(problems);
    }

    /**
     * The first field in which the premise or the hypothesis of two pairs of one id differ, as {field, value
     * in {@code a}, value in {@code b}}, or {@code null} when they are the same. Values are quoted text,
     * document ids or code-point offsets; a text is shortened to its first 60 code points.
     */
    static String[] firstDifference(NliPair a, NliPair b) {
        for (String side : List.of("premise", "hypothesis")) {
            Segment x = side.equals("premise") ? a.premise() : a.hypothesis();
            Segment y = side.equals("premise") ? b.premise() : b.hypothesis();
            if (!x.text().equals(y.text())) {
                return new String[] {side + ".text", quote(x.text()), quote(y.text())};
            }
            if (!java.util.Objects.equals(x.docId(), y.docId())) {
                return new String[] {side + ".doc_id", String.valueOf(x.docId()), String.valueOf(y.docId())};
            }
            if (x.span() != null && y.span() != null) {
                if (x.span().start() != y.span().start()) {
                    return new String[] {side + ".start", Integer.toString(x.span().start()),
                        Integer.toString(y.span().start())};
                }
                if (x.span().end() != y.span().end()) {
                    return new String[] {side + ".end", Integer.toString(x.span().end()),
                        Integer.toString(y.span().end())};
                }
            }
        }
        return null;
    }

    private static String quote(String text) {
        int n = text.codePointCount(0, text.length());
        return "'" + (n <= 60 ? text : text.substring(0, text.offsetByCodePoints(0, 60)) + "…") + "'";
    }

    private static Location at(Map<String, Location> locations, AnnotationSet set, String id) {
        return locations.getOrDefault(id, Location.ofFile(set.source().toString()));
    }

    /** Where each NLI pair of {@code set} was read: the JSONL line of its record, by pair id. */
    static Map<String, Location> nliLocations(AnnotationSet set) throws IOException {
        Map<String, Location> out = new LinkedHashMap<>();
        if (set.nliPairs().isEmpty()) {
            return out;
        }
        for (AnnotationSet.InputFile f : set.files()) {
            if (f.path().getFileName().toString().endsWith(".jsonl")) {
                try (JsonlReader r = JsonlReader.open(f.path())) {
                    for (JsonlReader.JsonLine l = r.next(); l != null; l = r.next()) {
                        if (JsonCodec.RecordKind.of(l.node()) == JsonCodec.RecordKind.NLI) {
                            out.putIfAbsent(l.node().path("id").asText(""), l.location());
                        }
                    }
                }
            }
        }
        return out;
    }
}
