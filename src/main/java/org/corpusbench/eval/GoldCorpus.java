package org.corpusbench.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corpusbench.dataset.CorpusFiles;
import org.corpusbench.dataset.Dataset;
import org.corpusbench.dataset.GoldSources;
import org.corpusbench.dataset.Manifest;
import org.corpusbench.format.CorpusFormatException;
import org.corpusbench.format.Location;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * The gold side of an evaluation, read from a release directory (checksums verified first) or from any
 * directory of corpusbench JSONL files (an imported corpus, which has no manifest).
 *
 * @param name        dataset name, or the directory name when there is no manifest
 * @param version     release version, or {@code null}
 * @param fingerprint release fingerprint, or {@code null}
 */
public record GoldCorpus(String name, String version, String fingerprint, Map<String, Document> documents,
                         Map<String, DocumentAnnotations> annotations, List<Contradiction> contradictions,
                         List<NliPair> nliPairs) {

    public static GoldCorpus read(Path dir) throws IOException {
        return read(dir, null);
    }

    /**
     * Reads the gold of {@code dir}; a release must also have fingerprint {@code expectedFingerprint} when it
     * is not null (see {@link Dataset#open(Path, String)}), and a directory without a manifest is then refused.
     */
    public static GoldCorpus read(Path dir, String expectedFingerprint) throws IOException {
        if (expectedFingerprint != null && !Files.exists(dir.resolve(Manifest.FILE_NAME))) {
            throw new CorpusFormatException(Location.ofFile(dir.resolve(Manifest.FILE_NAME).toString()), null,
                    "no manifest, so no fingerprint to compare with the expected one; expected a release directory "
                            + "made by 'corpusbench build'");
        }
        if (Files.exists(dir.resolve(Manifest.FILE_NAME))) {
            Dataset ds = Dataset.open(dir, expectedFingerprint);
            return new GoldCorpus(ds.name(), ds.version(), ds.fingerprint(), ds.documentsById(), ds.annotationsById(),
                    ds.contradictionList(), ds.nliPairList());
        }
        Map<String, Document> docs = new LinkedHashMap<>();
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        List<Contradiction> cs = new ArrayList<>();
        List<NliPair> nli = new ArrayList<>();
        CorpusFiles.visit(List.of(dir), new CorpusFiles.Visitor() {
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
        return new GoldCorpus(dir.toAbsolutePath().normalize().getFileName().toString(), null, null, docs, anns, cs, nli);
    }

    /** Gold assembled in memory, e.g. from a dataset's sources before it is released. */
    public static GoldCorpus of(String name, GoldSources.Gold gold) {
        Map<String, Document> docs = new LinkedHashMap<>();
        gold.documents().forEach(d -> docs.put(d.id(), d));
        Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
        gold.annotations().forEach(a -> anns.put(a.docId(), a));
        return new GoldCorpus(name, null, null, docs, anns, gold.contradictions(), gold.nliPairs());
    }

    /** The gold layers of a document, empty when it has none. */
    public DocumentAnnotations gold(String docId) {
        return annotations.getOrDefault(docId, DocumentAnnotations.empty(docId));
    }
}
