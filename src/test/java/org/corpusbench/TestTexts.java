package org.corpusbench;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of awkward document text: astral characters, combining marks, CRLF, quotes, tabs. */
public final class TestTexts {

    private TestTexts() {
    }

    /** Single "characters" (as strings, since some are two UTF-16 units) that break naive offset code. */
    public static Arbitrary<String> awkwardPieces() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(3),
                Arbitraries.of(" ", " ", "\n", "\r\n", "\t", ",", "\"", "'", "’", "—", "e\u0301", "\u00e9",
                        "\uD83D\uDE80", "\uD83C\uDDE7\uD83C\uDDFE", "\uD834\uDD1E", "<", "&", "\\", "Лукашенко"));
    }

    /** A document text of 0 to 60 pieces. */
    public static Arbitrary<String> texts() {
        return awkwardPieces().list().ofMaxSize(60).map(l -> String.join("", l));
    }
}
