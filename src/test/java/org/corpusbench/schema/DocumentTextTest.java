package org.corpusbench.schema;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.CodePoints;

/**
 * Code-point offsets through the compact UTF-8 text and its every-64th-code-point index agree with
 * {@link CodePoints}, lone surrogates included (issue 15: the validator keeps texts as UTF-8).
 */
class DocumentTextTest {

    private static final String[] PIECES = {"a", "é", "\uD83D\uDE80", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\n", "Л",
        "\uD83D", "\uDE80", "x\uD834\uDD1E", "\u0800", "\uFFFF", "\u07FF", "?", "\u00FF"};

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(30).map(l -> String.join("", l));
    }

    /** Long enough for several index marks: up to 300 pieces, mostly ASCII or mostly not. */
    @Provide
    Arbitrary<String> longTexts() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(80);
        return Arbitraries.oneOf(ascii, Arbitraries.of(PIECES)).list().ofMaxSize(300).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void offsetsAgreeWithCodePoints(@ForAll("texts") String text) {
        DocumentText t = new DocumentText(text, Location.ofFile("x"));
        int n = CodePoints.length(text);
        assertThat(t.length()).isEqualTo(n);
        for (int s = 0; s <= n; s++) {
            for (int e = s; e <= n; e++) {
                String expected = CodePoints.substring(text, s, e);
                assertThat(t.substring(s, e)).isEqualTo(expected);
                assertThat(t.matches(s, e, expected)).isTrue();
                assertThat(t.matches(s, e, expected + "x")).isFalse();
                if (!expected.isEmpty()) {
                    assertThat(t.matches(s, e, "?" + expected.substring(1))).isEqualTo(expected.charAt(0) == '?');
                    assertThat(t.matches(s, e, expected.substring(0, expected.length() - 1))).isFalse();
                }
            }
        }
    }

    @Property(tries = 300)
    void matchesIsStringEquality(@ForAll("texts") String text, @ForAll("texts") String other) {
        DocumentText t = DocumentText.of(text);
        int n = CodePoints.length(text);
        for (int s = 0; s <= n; s++) {
            for (int e = s; e <= n; e++) {
                assertThat(t.matches(s, e, other)).isEqualTo(CodePoints.substring(text, s, e).equals(other));
            }
        }
    }

    @Property(tries = 300)
    void longTextsAgreeAcrossIndexMarks(@ForAll("longTexts") String text, @ForAll long seed) {
        DocumentText t = DocumentText.of(text);
        int n = CodePoints.length(text);
        assertThat(t.length()).isEqualTo(n);
        java.util.Random r = new java.util.Random(seed);
        for (int k = 0; k < 40 && n > 0; k++) {
            int s = r.nextInt(n + 1);
            int e = s + r.nextInt(n - s + 1);
            String expected = CodePoints.substring(text, s, e);
            assertThat(t.substring(s, e)).isEqualTo(expected);
            assertThat(t.matches(s, e, expected)).isTrue();
        }
        assertThat(t.substring(0, n)).isEqualTo(text);
    }

    @Example
    void asciiTakesOneBytePerCharacter() {
        // 100 ASCII characters: 100 bytes, no index; an emoji adds 4 bytes and an index of one mark
        assertThat(DocumentText.encode("a".repeat(100))).hasSize(100);
        assertThat(DocumentText.encode("a".repeat(100) + "\uD83D\uDCF0")).hasSize(104);
        assertThat(DocumentText.encode("\uD800")).containsExactly(0xED, 0xA0, 0x80);
    }
}
