package org.corpusbench.spark;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * The gold an evaluation in parts scores against, sent once to each executor (a Spark broadcast): its
 * documents, gold annotations and NLI pairs, each written as the JSON record {@link JsonCodec} writes and read
 * back by {@link JsonCodec}'s decoders, whose round trip the format's tests hold. The model's records are
 * not {@link Serializable}; the codec is their one external form, so no second one is made here. Contradictions
 * and the gold's files are left out: a part scores entities, dates and NLI labels only.
 */
final class GoldShipment implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient GoldCorpus gold;

    GoldShipment(GoldCorpus gold) {
        this.gold = gold;
    }

    GoldCorpus gold() {
        return gold;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(gold.name());
        out.writeObject(gold.version());
        out.writeObject(gold.fingerprint());
        write(out, gold.documents().values());
        write(out, gold.annotations().values());
        write(out, gold.nliPairs());
    }

    private static void write(ObjectOutputStream out, java.util.Collection<?> records) throws IOException {
        out.writeInt(records.size());
        for (Object r : records) {
            byte[] b = JsonCodec.toJson(r).getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        String name = (String) in.readObject();
        String version = (String) in.readObject();
        String fingerprint = (String) in.readObject();
        try {
            Map<String, Document> docs = new LinkedHashMap<>();
            each(in, JsonCodec::document, d -> docs.put(d.id(), d));
            Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
            each(in, JsonCodec::annotations, a -> anns.put(a.docId(), a));
            List<NliPair> nli = new ArrayList<>();
            each(in, JsonCodec::nliPair, nli::add);
            gold = new GoldCorpus(name, version, fingerprint, docs, anns, List.of(), nli, List.of());
        } catch (CorpusFormatException e) {
            InvalidObjectException bad = new InvalidObjectException("the gold sent to the executors does not read "
                    + "back: " + e.getMessage());
            bad.initCause(e);
            throw bad;
        }
    }

    /** Decodes the next block of records, one at a time, handing each to {@code to}. */
    private static <T> void each(ObjectInputStream in, JsonlReader.Decoder<T> decoder, Consumer<T> to)
            throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            JsonlLines l = JsonlLines.ofChunk(b, "gold", i, 0);
            if (!l.next()) {
                throw new InvalidObjectException("an empty gold record");
            }
            to.accept(decoder.decode(l.parse(), l.location()));
        }
    }
}
