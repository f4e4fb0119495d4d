package org.corpusbench.format.registry;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.corpusbench.format.Corpus;
import org.corpusbench.format.Corpus.Layer;
import org.corpusbench.format.OutputNames;
import org.corpusbench.format.brat.Brat;
import org.corpusbench.format.conll.Conll;
import org.corpusbench.format.csv.CsvDocumentReader;
import org.corpusbench.format.csv.CsvDocumentWriter;
import org.corpusbench.format.csv.CsvLayers;
import org.corpusbench.format.doccano.Doccano;
import org.corpusbench.format.hf.HuggingFace;
import org.corpusbench.format.labelstudio.LabelStudio;
import org.corpusbench.format.nli.SnliJsonl;
import org.corpusbench.format.timeml.CreationDates;
import org.corpusbench.format.timeml.TimemlReader;
import org.corpusbench.format.timeml.TimemlWriter;
import org.corpusbench.format.webanno.WebAnnoTsv;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.tags.TagScheme;

/**
 * The formats corpusbench reads and writes, each behind the same two calls, so that the command line (and
 * a library user) can go from any of them to any other through a {@link Corpus}. docs/formats.md says what
 * each keeps and loses; {@link #holds()} says it to the program.
 */
public enum CorpusFormat {
    /** CoNLL token-per-line text: entity mentions as IOB tags; read from a file, written as one file. */
    CONLL(Input.FILE, EnumSet.of(Layer.ENTITIES)),
    /** brat standoff: a .txt/.ann pair per document, contradictions as relations; a directory. */
    BRAT(Input.DIRECTORY, EnumSet.of(Layer.ENTITIES, Layer.DATES, Layer.CONTRADICTIONS)),
    /** CSV: documents.csv and one file per layer; a directory. */
    CSV(Input.DIRECTORY, EnumSet.allOf(Layer.class)),
    /** Hugging Face JSONL (documents with span records, and a token view); read from documents.jsonl. */
    HF(Input.EITHER, EnumSet.of(Layer.ENTITIES, Layer.DATES)),
    /** TimeML (TempEval-3): one .tml file per document with TIMEX3 and the creation date. */
    TIMEML(Input.EITHER, EnumSet.of(Layer.DATES)),
    /** NLI pairs as SNLI-style JSONL (SNLI, MultiNLI and ANLI field names are read). */
    NLI(Input.FILE, EnumSet.of(Layer.NLI)),
    /** INCEpTION / WebAnno TSV 3.3: one .tsv per document, named entities with their identifiers. */
    WEBANNO(Input.EITHER, EnumSet.of(Layer.ENTITIES)),
    /** Label Studio JSON: one task per document, spans as annotations (or as predictions, to pre-annotate). */
    LABELSTUDIO(Input.FILE, EnumSet.of(Layer.ENTITIES)),
    /** doccano sequence-labelling JSONL: {@code text} and {@code label} as {@code [start, end, type]}. */
    DOCCANO(Input.FILE, EnumSet.of(Layer.ENTITIES));

    /** What a format is read from. */
    public enum Input {
        /** One file, read as given. */
        FILE,
        /** A directory of the format's files. */
        DIRECTORY,
        /** A file, or a directory that holds it (Hugging Face {@code documents.jsonl}) or several (TimeML). */
        EITHER
    }

    /** The CoNLL tag schemes an export can write. */
    public static final Set<TagScheme> WRITTEN_SCHEMES = EnumSet.of(TagScheme.IOB1, TagScheme.IOB2, TagScheme.IOBES);

    private final Input input;
    private final Set<Layer> holds;

    CorpusFormat(Input input, Set<Layer> holds) {
        this.input = input;
        this.holds = holds;
    }

    /** The name on the command line: {@code conll}, {@code brat}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What {@link #read} takes: a file, a directory, or either. */
    public Input input() {
        return input;
    }

    /** The layers this format can carry; a corpus's other layers are lost by an export to it. */
    public Set<Layer> holds() {
        return EnumSet.copyOf(holds);
    }

    /** The layers of {@code corpus} that an export to this format leaves out, with how many records each. */
    public Map<Layer, Long> losses(Corpus corpus) {
        Map<Layer, Long> lost = new LinkedHashMap<>();
        for (Layer l : Layer.values()) {
            long n = corpus.count(l);
            if (!holds.contains(l) && n > 0) {
                lost.put(l, n);
            }
        }
        return lost;
    }

    /** The format of a name, case-insensitively ({@code snli} is {@link #NLI}); {@code null} when none. */
    public static CorpusFormat parse(String name) {
        if ("snli".equalsIgnoreCase(name)) {
            return NLI;
        }
        for (CorpusFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** The names, as a message lists them: "conll, brat, csv, hf, timeml or nli". */
    public static String names() {
        StringBuilder b = new StringBuilder();
        CorpusFormat[] all = values();
        for (int i = 0; i < all.length; i++) {
            b.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].wireName());
        }
        return b.toString();
    }

    /**
     * What a read gave: the corpus, what to add to the one-line summary of an import, and how many TIMEX3
     * were given a tid they lacked.
     */
    public record Read(Corpus corpus, String summary, long assignedTids) {
    }

    /** Reads {@code input} (a file or directory, as {@link #input()} says). */
    public Read read(Path input, ReadOptions options) throws IOException {
        return switch (this) {
            case CONLL -> new Read(Conll.read(input, options.scheme()), "", 0);
            case BRAT -> new Read(Brat.read(input, options.fragments()), "", 0);
            case CSV -> {
                List<Document> docs = new ArrayList<>();
                if (Files.exists(input.resolve("documents.csv"))) {
                    try (Stream<Document> s = CsvDocumentReader.read(input.resolve("documents.csv"),
                            CsvDocumentReader.Columns.defaults())) {
                        s.forEach(docs::add);
                    }
                }
                Corpus layers = CsvLayers.read(input);
                yield new Read(new Corpus(docs, layers.annotations(), layers.contradictions(), layers.nliPairs()),
                        "", 0);
            }
            case HF -> new Read(HuggingFace.read(Files.isDirectory(input)
                    ? input.resolve(HuggingFace.DOCUMENTS) : input), "", 0);
            case TIMEML -> timeml(input);
            case NLI -> {
                SnliJsonl.Read r = SnliJsonl.read(input);
                yield new Read(new Corpus(List.of(), Map.of(), List.of(), r.pairs()),
                        ", " + r.unlabelled() + " pairs without a gold label skipped", 0);
            }
            case WEBANNO -> new Read(WebAnnoTsv.read(input), "", 0);
            case LABELSTUDIO -> new Read(LabelStudio.read(input), "", 0);
            case DOCCANO -> new Read(Doccano.read(input), "", 0);
        };
    }

    private static Read timeml(Path input) throws IOException {
        List<Path> files;
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.list(input)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".tml")).sorted().toList();
            }
        } else {
            files = List.of(input);
        }
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        long dcts = 0;
        long assigned = 0;
        for (Path p : files) {
            TimemlReader.TimemlDocument t = TimemlReader.read(p);
            assigned += t.assignedTids();
            Document d = t.document();
            if (t.creationDate() != null) {
                Map<String, String> meta = new LinkedHashMap<>(d.metadata());
                meta.put(CreationDates.METADATA_KEY, t.creationDate().toString());
                d = new Document(d.id(), d.text(), d.title(), d.source(), d.sha256(), meta);
                dcts++;
            }
            docs.add(d);
            anns.put(d.id(), t.annotations());
        }
        return new Read(new Corpus(docs, anns), ", " + dcts + " creation dates (in metadata.creation_date)",
                assigned);
    }

    /**
     * Writes {@code corpus} into the directory {@code out} (which the caller stages, so that a failure leaves
     * nothing); returns what to tell the user, one line each, naming the files written.
     */
    public List<String> write(Corpus corpus, Path out, WriteOptions options) throws IOException {
        StringWriter said = new StringWriter();
        PrintWriter w = new PrintWriter(said);
        List<Document> docs = corpus.documents();
        Map<String, DocumentAnnotations> anns = corpus.annotations();
        switch (this) {
            case CONLL -> {
                if (!WRITTEN_SCHEMES.contains(options.scheme())) {
                    throw new IllegalArgumentException("CoNLL export writes IOB1, IOB2 or IOBES, not "
                            + options.scheme());
                }
                Path file = OutputNames.file(out, options.name(), ".conll");
                Conll.Export[] written = new Conll.Export[1];
                AtomicFiles.write(file, o -> written[0] = Conll.write(o, docs, options.tokenizer(), anns,
                        options.scheme(), options.label()));
                Conll.Export e = written[0];
                w.println("wrote " + file + ": " + e.documents() + " documents, " + e.sentences() + " sentences, "
                        + e.tokens() + " tokens, " + e.entities() + " entities (" + options.scheme() + ")");
                misaligned(w, e);
            }
            case HF -> {
                List<String> types = new ArrayList<>();
                anns.values().forEach(a -> a.entities().forEach(m -> types.add(m.type())));
                hf(w, corpus, out, options, HuggingFace.labels(types), 1);
            }
            case BRAT -> {
                Brat.write(out, docs, anns, corpus.contradictions());
                long cross = corpus.contradictions().stream().filter(c -> !c.a().docId().equals(c.b().docId()))
                        .count();
                w.println("wrote " + docs.size() + " .txt/.ann pairs, annotation.conf, visual.conf and "
                        + Brat.CROSS_DOCUMENT + " (" + cross + " cross-document contradictions) to " + out);
            }
            case CSV -> {
                CsvDocumentWriter.write(out.resolve("documents.csv"), docs, List.of());
                CsvLayers.write(out, anns.values(), corpus.contradictions(), corpus.nliPairs());
                w.println("wrote documents.csv, " + CsvLayers.ENTITIES + ", " + CsvLayers.DATES + ", "
                        + CsvLayers.CONTRADICTIONS + ", " + CsvLayers.NLI + " to " + out);
            }
            case TIMEML -> {
                for (Document d : docs) {
                    TimemlWriter.write(OutputNames.file(out, d.id(), ".tml"), d,
                            anns.getOrDefault(d.id(), DocumentAnnotations.empty(d.id())).timexes(),
                            options.creationDates().get(d.id()));
                }
                long withDct = docs.stream().map(d -> options.creationDates().get(d.id()))
                        .filter(x -> x instanceof LocalDate).count();
                w.println("wrote " + docs.size() + " .tml files to " + out + " (" + withDct + " with a creation date)");
            }
            case NLI -> {
                Path file = OutputNames.file(out, options.name() + "-nli", ".jsonl");
                SnliJsonl.write(file, corpus.nliPairs());
                w.println("wrote " + file + ": " + corpus.nliPairs().size() + " pairs (SNLI field names)");
            }
            case WEBANNO -> {
                WebAnnoTsv.write(out, docs, entitiesOnly(anns));
                w.println("wrote " + docs.size() + " WebAnno TSV 3.3 files (" + corpus.count(Layer.ENTITIES)
                        + " entity mentions) to " + out);
            }
            case LABELSTUDIO -> {
                Path file = OutputNames.file(out, options.name() + "-labelstudio", ".json");
                LabelStudio.write(file, docs, entitiesOnly(anns));
                w.println("wrote " + file + ": " + docs.size() + " tasks (" + corpus.count(Layer.ENTITIES)
                        + " entity mentions as annotations)");
            }
            case DOCCANO -> {
                Path file = OutputNames.file(out, options.name() + "-doccano", ".jsonl");
                Doccano.write(file, docs, entitiesOnly(anns));
                w.println("wrote " + file + ": " + docs.size() + " documents (" + corpus.count(Layer.ENTITIES)
                        + " entity mentions)");
            }
        }
        w.flush();
        return said.toString().lines().toList();
    }

    /**
     * {@code hf}: one part of a corpus written by several machines (issue 16: export on Spark), as {@link #write}
     * writes the whole, with the whole corpus's label names and its documents numbered from
     * {@code firstDocument} ({@link HuggingFace#writePart}); returns what to tell the user.
     */
    public static List<String> writeHfPart(Corpus corpus, Path out, WriteOptions options, List<String> labels,
                                           long firstDocument) throws IOException {
        StringWriter said = new StringWriter();
        PrintWriter w = new PrintWriter(said);
        hf(w, corpus, out, options, labels, firstDocument);
        w.flush();
        return said.toString().lines().toList();
    }

    private static void hf(PrintWriter w, Corpus corpus, Path out, WriteOptions options, List<String> labels,
                           long firstDocument) throws IOException {
        Conll.Export e = HuggingFace.writePart(out, corpus.documents(), options.tokenizer(), corpus.annotations(),
                labels, firstDocument, options.name(), options.card());
        w.println("wrote " + out.resolve(HuggingFace.DOCUMENTS) + " (" + e.documents() + " documents), "
                + out.resolve(HuggingFace.TOKENS) + " (" + e.sentences() + " sentences), the same as documents.parquet "
                + "and tokens.parquet, README.md");
        misaligned(w, e);
    }

    /** The entity layer alone, for the formats that hold nothing else (their losses say so). */
    private static Map<String, DocumentAnnotations> entitiesOnly(Map<String, DocumentAnnotations> anns) {
        Map<String, DocumentAnnotations> out = new LinkedHashMap<>();
        anns.forEach((id, a) -> out.put(id, new DocumentAnnotations(id, a.entities(), List.of())));
        return out;
    }

    private static void misaligned(PrintWriter w, Conll.Export e) {
        if (e.misaligned().isEmpty()) {
            w.println("every gold entity span falls on token boundaries");
            return;
        }
        w.println(e.misaligned().size() + " gold entity spans do not fall on token boundaries and are not tagged:");
        for (Conll.Misaligned m : e.misaligned()) {
            w.println("  " + m.docId() + " [" + m.mention().span().start() + "," + m.mention().span().end() + ") "
                    + m.mention().type() + " '" + m.mention().span().text() + "'");
        }
    }
}
