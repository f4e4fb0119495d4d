package org.corpusbench.spark;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.format.jsonl.JsonCodec;
import org.corpusbench.format.jsonl.JsonlLines;
import org.corpusbench.format.jsonl.JsonlReader;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.NliPair;

/**
 * The gold an evaluation in parts scores against, sent once to each executor (a Spark broadcast): its
 * documents, gold annotations, contradictions and NLI pairs, each written as the JSON record {@link JsonCodec}
 * writes and read back by {@link JsonCodec}'s decoders, whose round trip the format's tests hold. The model's
 * records are not {@link Serializable}; the codec is their one external form, so no second one is made here.
 * The gold's files are left out: no part reads them.
 *
 * <p>The object Spark keeps holds no gold, only a key and, where it was received, the records' bytes: Spark
 * estimates the size of what it keeps by walking its object graph, and walking a gold of millions of mentions
 * took most of a run's time. The JVM that sent it finds the gold under its key ({@link #release} forgets
 * it); an executor decodes the bytes on first use and keeps the one gold it decoded last.
 */
final class GoldShipment implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Golds sent from this JVM, by key, until released. */
    private static final Map<String, GoldCorpus> SENT = new ConcurrentHashMap<>();

    /** The gold this JVM decoded last, and its key. */
    private static String decodedKey;
    private static GoldCorpus decoded;

    /** Bytes a chunk of received records holds at most, unless one record is longer. */
    private static final int CHUNK = 64 << 20;

    private final String key;
    /**
     * Whether every task runs in this JVM (a local master): then only the key is sent, and tasks find the gold
     * under it, without writing it out (Spark writes a broadcast out even where nothing reads it back).
     */
    private final boolean sameJvm;
    /** The name, version and fingerprint, then four blocks of records, as received; null where sent. */
    private transient List<byte[]> received;

    /**
     * The gold {@code gold}, to be sent to executors in other JVMs, or, when {@code sameJvm}, only named to
     * tasks that run in this one.
     */
    GoldShipment(GoldCorpus gold, boolean sameJvm) {
        this.key = UUID.randomUUID().toString();
        this.sameJvm = sameJvm;
        SENT.put(key, gold);
    }

    /** The gold: the one sent from this JVM, or the one decoded from the bytes received. */
    GoldCorpus gold() throws IOException {
        GoldCorpus here = SENT.get(key);
        if (here != null) {
            return here;
        }
        synchronized (GoldShipment.class) {
            if (!key.equals(decodedKey)) {
                if (received == null) {
                    throw new IllegalStateException("the gold " + key + " was released before its tasks ended, or "
                            + "a task of a local master ran in another JVM");
                }
                decoded = null;
                decoded = decode(received);
                decodedKey = key;
            }
            return decoded;
        }
    }

    /** Forgets the gold sent from this JVM, once every task that needs it has ended. */
    void release() {
        SENT.remove(key);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        if (sameJvm) {
            return;
        }
        GoldCorpus gold = SENT.get(key);
        if (gold == null) {
            throw new IllegalStateException("the gold " + key + " is sent from another JVM or was released");
        }
        out.writeObject(gold.name());
        out.writeObject(gold.version());
        out.writeObject(gold.fingerprint());
        write(out, gold.documents().values());
        write(out, gold.annotations().values());
        write(out, gold.contradictions());
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

    /** Keeps what was received as bytes, in chunks; {@link #gold()} decodes them on first use. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (sameJvm) {
            return;
        }
        List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        java.io.DataOutputStream data = new java.io.DataOutputStream(chunk);
        for (int k = 0; k < 3; k++) {
            Object s = in.readObject();
            data.writeBoolean(s != null);
            data.writeUTF(s == null ? "" : (String) s);
        }
        for (int block = 0; block < 4; block++) {
            int n = in.readInt();
            data.writeInt(n);
            for (int i = 0; i < n; i++) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                if (chunk.size() > 0 && chunk.size() + b.length > CHUNK) {
                    chunks.add(chunk.toByteArray());
                    chunk.reset();
                }
                data.writeInt(b.length);
                data.write(b);
            }
        }
        chunks.add(chunk.toByteArray());
        received = chunks;
    }

    private static GoldCorpus decode(List<byte[]> chunks) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.SequenceInputStream(java.util.Collections.enumeration(
                chunks.stream().map(java.io.ByteArrayInputStream::new).toList())));
        String[] named = new String[3];
        for (int k = 0; k < 3; k++) {
            boolean present = in.readBoolean();
            String s = in.readUTF();
            named[k] = present ? s : null;
        }
        try {
            Map<String, Document> docs = new LinkedHashMap<>();
            each(in, JsonCodec::document, d -> docs.put(d.id(), d));
            Map<String, DocumentAnnotations> anns = new LinkedHashMap<>();
            each(in, JsonCodec::annotations, a -> anns.put(a.docId(), a));
            List<Contradiction> contradictions = new ArrayList<>();
            each(in, JsonCodec::contradiction, contradictions::add);
            List<NliPair> nli = new ArrayList<>();
            each(in, JsonCodec::nliPair, nli::add);
            return new GoldCorpus(named[0], named[1], named[2], docs, anns, contradictions, nli, List.of());
        } catch (CorpusFormatException e) {
            InvalidObjectException bad = new InvalidObjectException("the gold sent to the executors does not read "
                    + "back: " + e.getMessage());
            bad.initCause(e);
            throw bad;
        }
    }

    /** Decodes the next block of records, one at a time, handing each to {@code to}. */
    private static <T> void each(DataInputStream in, JsonlReader.Decoder<T> decoder, Consumer<T> to)
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
