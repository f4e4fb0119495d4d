package org.corpusbench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one CoNLL column splitter (issue 13: the importer and the tag reader each had one). */
class ConllColumnsTest {

    private static List<String> columns(String line) {
        ConllColumns c = new ConllColumns();
        int n = c.split(line);
        assertThat(c.count()).isEqualTo(n);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(c.get(i));
        }
        return out;
    }

    @Example
    void columnsAreRunsOfCharactersThatAreNotWhiteSpace() {
        assertThat(columns("EU NNP B-NP B-ORG")).containsExactly("EU", "NNP", "B-NP", "B-ORG");
        // runs of separators count once; separators at either end make no empty column
        assertThat(columns("\t EU \t\tB-ORG  ")).containsExactly("EU", "B-ORG");
        // form feed, line tabulation, ideographic space (U+3000) and the line separator (U+2028) separate;
        // the no-break space (U+00A0) and a surrogate pair do not
        assertThat(columns("a\fb\u000Bc\u3000d\u2028e")).containsExactly("a", "b", "c", "d", "e");
        assertThat(columns("New\u00A0York \uD83D\uDE80 O")).containsExactly("New\u00A0York", "\uD83D\uDE80", "O");
    }

    @Example
    void aLineOfWhiteSpaceHasNoColumn() {
        assertThat(columns("")).isEmpty();
        assertThat(columns(" \t\u3000 ")).isEmpty();
    }

    @Example
    void aColumnIsComparedWithoutBeingCopied() {
        ConllColumns c = new ConllColumns();
        c.split("-DOCSTART- -X- O");
        assertThat(c.is(0, "-DOCSTART-")).isTrue();
        assertThat(c.is(0, "-DOCSTART")).isFalse();
        assertThat(c.is(1, "-X-")).isTrue();
        c.split("-DOCSTART-x O");
        assertThat(c.is(0, "-DOCSTART-")).isFalse();
        assertThatThrownBy(() -> c.get(2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("column 2 of a line of 2 columns");
    }

    @Example
    void manyColumnsGrowTheArrays() {
        // 20 columns: more than the 8 the arrays start with
        String line = String.join(" ", java.util.Collections.nCopies(20, "x"));
        assertThat(columns(line)).hasSize(20);
    }

    @Example
    void theSeparatorsAreJavasWhiteSpace() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertThat(ConllColumns.separates((char) c)).as("U+%04X", c).isEqualTo(Character.isWhitespace((char) c));
        }
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "\t", "\f", "\u000B", "\r", "\u001F", "\u1680", "\u2003", "\u2028", "\u3000")
                .list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> tokens() {
        // anything a CoNLL writer accepts in a token: no white space
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("B-PER", "-DOCSTART-", "\u00A0", "\uD83D\uDE80", "é", "\u0085", "-X-"));
    }

    /** A token line written with any white space between and around its columns splits back into them. */
    @Property
    void columnsJoinedByAnyWhiteSpaceSplitBack(@ForAll("tokenLists") List<String> tokens,
                                               @ForAll("separators") String lead, @ForAll("separators") String trail,
                                               @ForAll("separators") String between) {
        String line = lead + String.join(between, tokens) + trail;
        assertThat(columns(line)).isEqualTo(tokens);
    }

    @Provide
    Arbitrary<List<String>> tokenLists() {
        return Combinators.combine(tokens(), tokens().list().ofMaxSize(6)).as((first, rest) -> {
            List<String> l = new ArrayList<>(List.of(first));
            l.addAll(rest);
            return l;
        });
    }
}
