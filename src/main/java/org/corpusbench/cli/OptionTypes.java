package org.corpusbench.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.corpusbench.format.registry.CorpusFormat;
import org.corpusbench.tags.TagScheme;
import picocli.CommandLine;

/**
 * The option values every command spells the same way: formats and tag schemes, case-insensitive, with
 * the choices listed in {@code --help} and in the message for a value that names none (issue 13).
 */
final class OptionTypes {

    private OptionTypes() {
    }

    /** The tag schemes as every command lists them. */
    static final String SCHEMES = "IOB1, IOB2, IOE1, IOE2, IOBES (or BIOES) or BILOU";

    /** A {@code --scheme} value: any of {@link TagScheme}, case-insensitive, BIOES for IOBES. */
    static final class SchemeConverter implements CommandLine.ITypeConverter<TagScheme> {
        @Override
        public TagScheme convert(String value) {
            TagScheme s = TagScheme.parse(value);
            if (s == null) {
                throw new CommandLine.TypeConversionException("unknown --scheme '" + value + "'; expected "
                        + SCHEMES);
            }
            return s;
        }
    }

    /** A {@code --format} of export or import: any {@link CorpusFormat}, case-insensitive. */
    static final class FormatConverter implements CommandLine.ITypeConverter<CorpusFormat> {
        @Override
        public CorpusFormat convert(String value) {
            CorpusFormat f = CorpusFormat.parse(value);
            if (f == null) {
                throw new CommandLine.TypeConversionException("unknown --format '" + value + "'; expected "
                        + CorpusFormat.names());
            }
            return f;
        }
    }

    /** The format names for {@code ${COMPLETION-CANDIDATES}} in help texts. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (CorpusFormat f : CorpusFormat.values()) {
                names.add(f.wireName());
            }
            return names.iterator();
        }
    }
}
