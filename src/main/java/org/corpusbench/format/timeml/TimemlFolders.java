package org.corpusbench.format.timeml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.corpusbench.diagnostic.CorpusFormatProblems;
import org.corpusbench.diagnostic.Location;

/**
 * A gold and a system folder of TimeML files, paired by file name as the TempEval-3 toolkit pairs them
 * ({@code SYSTEM/NAME.tml} is the system's output for {@code GOLD/NAME.tml}; the {@code DOCID} element is
 * not used), so that {@code evaluate --task dates --format timeml} can score one pair at a time without an
 * import (issue 15). Only the listing is held, never the documents.
 *
 * <p>A folder must hold {@code .tml} files and nothing else: a folder without one, a file of another name or
 * a sub-folder is refused, each named, rather than left out of the score (the toolkit scores every file of
 * the gold folder and descends into sub-folders; {@code import --format timeml} reads only the {@code .tml}
 * files). Hidden entries (a name starting with {@code .}, such as macOS's {@code .DS_Store}, which the toolkit
 * skips too) are ignored.
 */
public final class TimemlFolders {

    /** The extension of a TimeML file. */
    public static final String EXTENSION = ".tml";

    /**
     * A file name of either folder, with the file of each folder that has it.
     *
     * @param id     the document id: the file name without {@code .tml}, as {@code import} names the document
     * @param gold   the gold file, or {@code null} when the gold folder has none of that name
     * @param system the system file, or {@code null} when the system folder has none of that name
     */
    public record Pair(String id, Path gold, Path system) {
    }

    /**
     * Every file name of the two folders once, in the order {@code import --format timeml} writes documents
     * (sorted by path), so that the gold files come in the gold's document order.
     */
    public record Pairing(List<Pair> pairs) {

        /** The gold files that no system file has the name of. */
        public List<Path> goldOnly() {
            return pairs.stream().filter(p -> p.system() == null).map(Pair::gold).toList();
        }

        /** The system files that no gold file has the name of. */
        public List<Path> systemOnly() {
            return pairs.stream().filter(p -> p.gold() == null).map(Pair::system).toList();
        }
    }

    private TimemlFolders() {
    }

    /**
     * The {@code .tml} files of {@code dir}, sorted by path as {@code import} sorts them. {@code option} names
     * the folder in messages ({@code --dataset}). A folder without one, and every entry that is not a
     * {@code .tml} file, are refused with their paths.
     */
    public static List<Path> files(Path dir, String option) throws IOException {
        List<Path> tml = new ArrayList<>();
        List<CorpusFormatException> problems = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    problems.add(new CorpusFormatException(Location.ofFile(p.toString()), null, "a folder inside the "
                            + option + " folder; expected only " + EXTENSION + " files there (sub-folders are not "
                            + "read)"));
                } else if (!name.endsWith(EXTENSION) || name.length() == EXTENSION.length()) {
                    problems.add(new CorpusFormatException(Location.ofFile(p.toString()), null, "not a TimeML file "
                            + "(its name does not end in " + EXTENSION + "); expected only NAME" + EXTENSION
                            + " files in the " + option + " folder"));
                } else {
                    tml.add(p);
                }
            }
        }
        CorpusFormatProblems.throwIfAny(problems);
        if (tml.isEmpty()) {
            throw new CorpusFormatException(Location.ofFile(dir.toString()), null, "holds no " + EXTENSION
                    + " files; expected a folder of TimeML files (" + option + ")");
        }
        return tml;
    }

    private static List<CorpusFormatException> each(CorpusFormatException e) {
        return e instanceof CorpusFormatProblems many ? many.problems() : List.of(e);
    }

    /** The document id of a TimeML file: its name without {@code .tml}. */
    public static String id(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
    }

    /**
     * Pairs the files of the two folders by name ({@link #files} refuses an empty folder or one with other
     * entries, for both folders at once). Whether an unpaired file is refused or skipped is the caller's choice.
     */
    public static Pairing pair(Path goldDir, Path systemDir) throws IOException {
        List<CorpusFormatException> problems = new ArrayList<>();
        List<Path> gold = List.of();
        List<Path> system = List.of();
        try {
            gold = files(goldDir, "--dataset");
        } catch (CorpusFormatException e) {
            problems.addAll(each(e));
        }
        try {
            system = files(systemDir, "--pred");
        } catch (CorpusFormatException e) {
            problems.addAll(each(e));
        }
        CorpusFormatProblems.throwIfAny(problems);
        // both lists are sorted by path, that is by name within one folder: merge them by name
        List<Pair> pairs = new ArrayList<>(Math.max(gold.size(), system.size()));
        int i = 0;
        int j = 0;
        while (i < gold.size() || j < system.size()) {
            int c = i == gold.size() ? 1 : j == system.size() ? -1
                    : gold.get(i).getFileName().compareTo(system.get(j).getFileName());
            if (c == 0) {
                pairs.add(new Pair(id(gold.get(i)), gold.get(i++), system.get(j++)));
            } else if (c < 0) {
                pairs.add(new Pair(id(gold.get(i)), gold.get(i++), null));
            } else {
                pairs.add(new Pair(id(system.get(j)), null, system.get(j++)));
            }
        }
        return new Pairing(pairs);
    }
}
