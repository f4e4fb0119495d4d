package org.corpusbench.format.timeml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.internal.Utf8LineReader;
import org.corpusbench.model.Document;

/**
 * Document creation dates for a TimeML export, the {@code <DCT>} that TempEval-3's tools require (issue 14):
 * a document's own {@code metadata.creation_date} (which TimeML import writes), else the date a
 * {@code doc_id<TAB>YYYY-MM-DD} file gives for it, else a date given for every document. A date is a
 * calendar date written {@code YYYY-MM-DD}, nothing else: a TIMEX3 value such as {@code 2013-W11} or
 * {@code 2013-03-22T10:00} is not a creation date this export can write.
 */
public final class CreationDates {

    /** The metadata key TimeML import writes the creation date to. */
    public static final String METADATA_KEY = "creation_date";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * A creation date read from a file, with the line it was on.
     *
     * @param line 1-based line in the file
     */
    public record Entry(LocalDate date, long line) {
    }

    private CreationDates() {
    }

    /** Parses {@code YYYY-MM-DD}, refusing any other form and days that do not exist ({@code 2023-02-29}). */
    public static LocalDate parse(String s, Location at, String field) throws CorpusFormatException {
        if (s != null && DATE.matcher(s).matches()) {
            try {
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
                        Integer.parseInt(s.substring(8, 10)));
            } catch (DateTimeException e) {
                throw new CorpusFormatException(at, field, "'" + s + "' is not a day of the calendar ("
                        + e.getMessage() + "); expected a date YYYY-MM-DD", e);
            }
        }
        throw new CorpusFormatException(at, field, "'" + s + "'; expected a date YYYY-MM-DD");
    }

    /**
     * Reads a tab-separated file of {@code doc_id<TAB>YYYY-MM-DD} lines (blank lines are skipped), every
     * id one of {@code ids} and given once. Every bad line is reported, each with its line.
     */
    public static Map<String, Entry> readTsv(Path file, Set<String> ids) throws IOException {
        return readTsv(file, ids::contains, ids.size());
    }

    /**
     * {@link #readTsv(Path, Set)} for a corpus whose ids are not held in one set (issue 16: export on Spark asks
     * only about the ids the file names): {@code isDocument} says whether an id is a document's, and
     * {@code documents} is how many documents there are, which messages name.
     */
    public static Map<String, Entry> readTsv(Path file, java.util.function.Predicate<String> isDocument,
                                             long documents) throws IOException {
        String name = file.toString();
        String text = Utf8LineReader.decodeStrict(Files.readAllBytes(file), name);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Entry> dates = new LinkedHashMap<>();
        List<CorpusFormatException> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            Location at = Location.of(name, i + 1L);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 2) {
                problems.add(new CorpusFormatException(at, null, fields.length + " tab-separated fields; expected "
                        + "2: doc_id<TAB>YYYY-MM-DD"));
                continue;
            }
            String id = fields[0];
            boolean known = isDocument.test(id);
            if (!known) {
                problems.add(new CorpusFormatException(at, "doc_id", "'" + id + "' is not a document of the "
                        + "dataset; expected one of its " + documents + " document ids"));
            }
            LocalDate date;
            try {
                date = parse(fields[1], at, "date");
            } catch (CorpusFormatException e) {
                problems.add(e);
                continue;
            }
            Entry first = dates.get(id);
            if (first != null) {
                problems.add(new CorpusFormatException(at, "doc_id", "'" + id + "' is also given at line "
                        + first.line() + "; expected each document once"));
            } else if (known) {
                dates.put(id, new Entry(date, i + 1L));
            }
        }
        if (problems.isEmpty() && dates.isEmpty()) {
            // a file that dates nothing was almost surely not the file meant
            problems.add(new CorpusFormatException(Location.ofFile(name), null, "holds no dates; expected lines "
                    + "doc_id<TAB>YYYY-MM-DD"));
        }
        CorpusFormatProblems.throwIfAny(problems);
        return dates;
    }

    /**
     * The creation date of each document, {@code null} where none is known: its own
     * {@code metadata.creation_date}, else its entry in {@code fromFile}, else {@code fallback}. A file entry
     * that contradicts the document's own date is an error at the entry's line (never silently one of the
     * two), and so is an own date that is not {@code YYYY-MM-DD}.
     *
     * @param documentsFile where the documents were read from, to name in errors
     * @param dctFile       the file {@code fromFile} was read from, or null
     */
    public static Map<String, LocalDate> resolve(List<Document> docs, String documentsFile,
                                                 Map<String, Entry> fromFile, Path dctFile, LocalDate fallback)
            throws CorpusFormatException {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        List<CorpusFormatException> problems = new ArrayList<>();
        for (Document d : docs) {
            String own = d.metadata().get(METADATA_KEY);
            Entry entry = fromFile.get(d.id());
            LocalDate date = null;
            if (own != null) {
                try {
                    date = parse(own, Location.ofFile(documentsFile), "document '" + d.id() + "': metadata."
                            + METADATA_KEY);
                } catch (CorpusFormatException e) {
                    problems.add(e);
                    continue;
                }
                if (entry != null && !entry.date().equals(date)) {
                    problems.add(new CorpusFormatException(Location.of(String.valueOf(dctFile), entry.line()), "date",
                            entry.date() + " for '" + d.id() + "', whose metadata." + METADATA_KEY + " is " + date
                            + "; expected the document's own date or no line for it"));
                }
            } else if (entry != null) {
                date = entry.date();
            } else {
                date = fallback;
            }
            dates.put(d.id(), date);
        }
        CorpusFormatProblems.throwIfAny(problems);
        return dates;
    }

    /**
     * The refusal of a TimeML export that would leave {@code missing} of its {@code documents} documents without
     * a creation date, naming the first ones ({@code firstMissing}, in corpus order, at most three are named),
     * because TempEval-3's scorer refuses a file without {@code <DCT>} and then scores the other files only.
     * {@code corpusbench export} and its Spark form say it alike.
     */
    public static CorpusFormatException missing(String documentsFile, List<String> firstMissing, long missing,
                                                long documents) {
        return new CorpusFormatException(Location.ofFile(documentsFile), "metadata." + METADATA_KEY, "none for "
                + missing + " of " + documents + " documents ("
                + String.join(", ", firstMissing.subList(0, Math.min(3, firstMissing.size())))
                + (missing > 3 ? ", ..." : "") + "); expected a creation date for each, which TempEval-3's "
                + "tools require as <DCT>: give --dct YYYY-MM-DD or --dct-file F, or --allow-missing-dct to "
                + "write them without one");
    }
}
