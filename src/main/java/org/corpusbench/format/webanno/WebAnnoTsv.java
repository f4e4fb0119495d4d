package org.corpusbench.format.webanno;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.format.Corpus;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.format.OutputNames;
import org.corpusbench.internal.AtomicFiles;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.EntityMention;

/**
 * WebAnno TSV 3.3, the tab-separated format INCEpTION exports and imports one document at a time (issue 17):
 * {@code <doc id>.tsv} per document, named entities in INCEpTION's layer
 * {@code de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity}, the type in its {@code value} feature and
 * the entity id in its {@code identifier} feature (INCEpTION's knowledge-base link, the only place the format
 * has for it).
 *
 * <p><b>Offsets count UTF-16 units</b> (INCEpTION's user guide, "Encoding and Offsets": Java strings), so an
 * emoji or 𝔘 counts 2 in the file and 1 in corpusbench; both directions convert, and an offset that splits
 * such a character is an error. The file is UTF-8.
 *
 * <p>The format describes a text by sentences and tokens; {@link TsvWriter} chooses them so that INCEpTION
 * rebuilds the text exactly (but for one line feed it always adds at the end, which {@link #read} drops) and
 * every span covers whole tokens. What it cannot hold: control characters other than tab and line feed in
 * a type or entity id (an error when writing); TIMEX3 and contradictions (not written).
 */
public final class WebAnnoTsv {

    /** The first line of every file. */
    public static final String FORMAT_LINE = "#FORMAT=WebAnno TSV 3.3";
    /** INCEpTION's named-entity layer. */
    public static final String NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";
    /** Its feature for the type. */
    public static final String VALUE = "value";
    /** Its feature for a knowledge-base link, which holds the entity id. */
    public static final String IDENTIFIER = "identifier";
    /** The file name suffix. */
    public static final String SUFFIX = ".tsv";

    /**
     * The span layer that holds the entities, for projects that annotate them in a custom layer.
     *
     * @param type         the layer's type name, as after {@code #T_SP=}
     * @param labelFeature the feature holding the entity type (required in the file)
     * @param idFeature    the feature holding the entity id (optional in the file)
     */
    public record Layer(String type, String labelFeature, String idFeature) {

        /** A layer needs its type and label feature; without an id feature, mentions have no entity id. */
        public Layer {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(labelFeature, "labelFeature");
            Objects.requireNonNull(idFeature, "idFeature");
            if (labelFeature.equals(idFeature)) {
                throw new IllegalArgumentException("labelFeature and idFeature must differ, both are " + idFeature);
            }
        }

        /** INCEpTION's named-entity layer: type in {@code value}, entity id in {@code identifier}. */
        public static Layer namedEntity() {
            return new Layer(NAMED_ENTITY, VALUE, IDENTIFIER);
        }
    }

    /** One file read: its document and mentions. */
    record Read(Document document, List<EntityMention> mentions) {
    }

    private WebAnnoTsv() {
    }

    /**
     * Writes {@code <dir>/<doc id>.tsv} for every document, each atomically; nothing is written when a
     * document or mention cannot be (all are rendered first).
     */
    public static void write(Path dir, List<Document> documents, Map<String, DocumentAnnotations> annotations)
            throws IOException {
        Corpus corpus = Corpus.checked(documents, annotations, dir.toString());
        Map<Path, String> files = new LinkedHashMap<>();
        for (Document d : corpus.documents()) {
            Path file = OutputNames.file(dir, d.id(), SUFFIX);
            files.put(file, TsvWriter.render(d, corpus.entities(d.id()), file.toString()));
        }
        Files.createDirectories(dir);
        for (Map.Entry<Path, String> f : files.entrySet()) {
            AtomicFiles.writeString(f.getKey(), f.getValue());
        }
    }

    /**
     * Reads one annotator's files from the {@code annotation} folder of an INCEpTION project export, which holds
     * a folder per document ({@code annotation/<document name>/<user>.tsv}, the export made with WebAnno TSV 3.3
     * as the secondary format). A document's id is its folder's name without {@code .tsv} (the name of a
     * document that {@link #write} wrote and INCEpTION imported); a document folder without the annotator's file
     * is an error that names them all, since a missing document would lower an agreement silently.
     */
    public static Corpus readAnnotator(Path annotationFolder, String annotator, Layer layer) throws IOException {
        Objects.requireNonNull(annotator, "annotator");
        List<Path> folders;
        try (Stream<Path> s = Files.list(annotationFolder)) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        }
        List<String> missing = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> annotations = new LinkedHashMap<>();
        List<CorpusFormatException> problems = new ArrayList<>();
        for (Path folder : folders) {
            Path f = folder.resolve(annotator + SUFFIX);
            if (!Files.isRegularFile(f)) {
                missing.add(folder.getFileName().toString());
                continue;
            }
            readInto(f, folder.getFileName().toString(), layer, docs, annotations, problems);
        }
        if (!missing.isEmpty()) {
            problems.add(new CorpusFormatException(Location.ofFile(annotationFolder.toString()), null, missing.size()
                    + " of " + folders.size() + " document folder(s) have no " + annotator + SUFFIX + ", " + missing
                    + "; expected every document annotated by '" + annotator + "' (export the project with WebAnno "
                    + "TSV 3.3 as secondary format, or read the documents one by one)"));
        }
        CorpusFormatProblems.throwIfAny(problems);
        if (docs.isEmpty()) {
            throw new CorpusFormatException(Location.ofFile(annotationFolder.toString()), null, "holds no document "
                    + "folder; expected INCEpTION's annotation/<document>/<user>" + SUFFIX);
        }
        return new Corpus(docs, annotations);
    }

    /** Reads a {@code .tsv} file, or every {@code .tsv} file in a directory, with {@link Layer#namedEntity()}. */
    public static Corpus read(Path path) throws IOException {
        return read(path, Layer.namedEntity());
    }

    /**
     * Reads a {@code .tsv} file, or every {@code .tsv} file of a directory (not its subdirectories) in name
     * order. A document's id is its file name without {@code .tsv}. Every file is read; the problems of all
     * are reported together.
     */
    public static Corpus read(Path path, Layer layer) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                        .sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        List<Document> docs = new ArrayList<>();
        Map<String, DocumentAnnotations> annotations = new LinkedHashMap<>();
        List<CorpusFormatException> problems = new ArrayList<>();
        for (Path f : files) {
            readInto(f, f.getFileName().toString(), layer, docs, annotations, problems);
        }
        CorpusFormatProblems.throwIfAny(problems);
        if (docs.isEmpty() && Files.isDirectory(path)) {
            throw new CorpusFormatException(Location.ofFile(path.toString()), null, "holds no " + SUFFIX + " file; "
                    + "expected one WebAnno TSV file per document");
        }
        return new Corpus(docs, annotations);
    }

    /**
     * Reads file {@code f} as the document named {@code name} (its id: the name without {@code .tsv}) into
     * {@code docs} and {@code annotations}, or its problems into {@code problems}, so that every file is read
     * and all problems are reported together.
     */
    private static void readInto(Path f, String name, Layer layer, List<Document> docs,
                                 Map<String, DocumentAnnotations> annotations, List<CorpusFormatException> problems)
            throws IOException {
        String id = name.endsWith(SUFFIX) && name.length() > SUFFIX.length()
                ? name.substring(0, name.length() - SUFFIX.length()) : name;
        try {
            Read r = TsvReader.read(f, id, layer);
            docs.add(r.document());
            annotations.put(id, new DocumentAnnotations(id, r.mentions(), List.of()));
        } catch (CorpusFormatProblems e) {
            problems.addAll(e.problems());
        } catch (CorpusFormatException e) {
            problems.add(e);
        }
    }
}
