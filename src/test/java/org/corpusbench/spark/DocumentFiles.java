package org.corpusbench.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random corpora of {@code .txt} articles and {@code .csv} files of documents, with JSONL documents and
 * annotations beside them, for comparing validation on Spark with the validator (issue 16). The damage is the
 * kind a user makes: byte order marks, invalid UTF-8, blank texts, a {@code .txt} without a name, a CSV
 * without a text column, with quoted line feeds, CR LF, a quote left open or only a header, ids given twice.
 */
final class DocumentFiles {

    /** Ids the files share, so that duplicates across files and joins to annotations happen often. */
    private static final String[] IDS = {"d1", "d2", "d3", "n\u00e9e", "r\uD83D\uDE80"};

    private DocumentFiles() {
    }

    /** Writes a random corpus into {@code dir} and returns the paths to validate. */
    static List<Path> write(Path dir, Random r) throws IOException {
        int texts = r.nextInt(6);
        for (int i = 0; i < texts; i++) {
            String name = r.nextInt(12) == 0 ? "" : IDS[r.nextInt(IDS.length)] + (r.nextBoolean() ? "" : "-" + i);
            Files.write(dir.resolve(name + ".txt"), textBytes(r, name));
        }
        int csvs = r.nextInt(3);
        for (int i = 0; i < csvs; i++) {
            Files.write(dir.resolve("docs" + i + ".csv"), csv(r));
        }
        if (r.nextInt(3) == 0) {
            StringBuilder docs = new StringBuilder();
            for (int i = r.nextInt(3); i >= 0; i--) {
                String id = IDS[r.nextInt(IDS.length)];
                docs.append("{\"id\":\"").append(id).append("\",\"text\":\"Text of ").append(id)
                        .append(".\",\"sha256\":\"").append("0".repeat(64)).append("\"}\n");
            }
            Files.writeString(dir.resolve("documents.jsonl"), docs, StandardCharsets.UTF_8);
        }
        if (r.nextBoolean()) {
            StringBuilder anns = new StringBuilder();
            for (int i = r.nextInt(4); i >= 0; i--) {
                String id = IDS[r.nextInt(IDS.length)];
                // "Text" at [0,4) of the texts written here; [5,7) is "of" in them, and wrong in a CSV text
                int start = r.nextBoolean() ? 0 : 5;
                anns.append("{\"doc_id\":\"").append(id).append("\",\"entities\":[{\"start\":").append(start)
                        .append(",\"end\":").append(start + (start == 0 ? 4 : 2)).append(",\"text\":\"")
                        .append(start == 0 ? "Text" : "of").append("\",\"type\":\"ORG\"}],\"timexes\":[]}\n");
            }
            Files.writeString(dir.resolve("annotations.jsonl"), anns, StandardCharsets.UTF_8);
        }
        if (texts + csvs == 0) {
            Files.writeString(dir.resolve("d1.txt"), "Text of d1.", StandardCharsets.UTF_8);
        }
        List<Path> paths = new ArrayList<>();
        paths.add(dir);
        try (var s = Files.list(dir)) {
            List<Path> files = s.filter(p -> !p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            if (r.nextInt(4) == 0 && !files.isEmpty()) {
                // a file given again: its documents are duplicates of themselves
                paths.add(files.get(r.nextInt(files.size())));
            }
        }
        if (r.nextInt(6) == 0) {
            paths.add(0, dir.resolve("missing.csv"));
        }
        return paths;
    }

    private static byte[] textBytes(Random r, String id) {
        return switch (r.nextInt(7)) {
            case 0 -> new byte[0];
            case 1 -> " \n\t".getBytes(StandardCharsets.UTF_8);
            case 2 -> ("\uFEFFText of " + id + ".\n").getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {'T', 'e', 'x', 't', ' ', (byte) 0xC3, '(', '\n'};
            default -> ("Text of " + id + ".\r\nA second line \uD83D\uDE80.\n").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] csv(Random r) {
        String eol = r.nextBoolean() ? "\n" : "\r\n";
        StringBuilder b = new StringBuilder();
        if (r.nextInt(8) == 0) {
            b.append('\uFEFF');
        }
        int header = r.nextInt(8);
        b.append(switch (header) {
            case 0 -> "id,title,text";
            case 1 -> "text,id";
            case 2 -> "id";
            default -> "id,text";
        }).append(eol);
        int rows = r.nextInt(5);
        for (int i = 0; i < rows; i++) {
            String id = IDS[r.nextInt(IDS.length)];
            String text = switch (r.nextInt(8)) {
                case 0 -> "\"\"";
                case 1 -> "\"Text of " + id + ",\nwith a line feed\"";
                case 2 -> "\"Text of \"\"" + id + "\"\" \"";
                case 3 -> r.nextBoolean() ? "\"Text left open" : "Text \"quoted\" badly";
                default -> "Text of " + id + ".";
            };
            b.append(switch (header) {
                case 0 -> id + ",A title," + text;
                case 1 -> text + "," + id;
                case 2 -> id;
                default -> id + "," + text;
            }).append(eol);
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(10) == 0 && bytes.length > 4) {
            bytes[bytes.length - 3] = (byte) 0xFF;
        }
        return bytes;
    }
}
