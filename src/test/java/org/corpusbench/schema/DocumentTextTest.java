package org.corpusbench.schema;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.diagnostic.Location;
import org.corpusbench.model.CodePoints;

/** Code-point offsets through the surrogate-pair index agree with {@link CodePoints}, lone surrogates included. */
class DocumentTextTest {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "é", "\uD83D\uDE80", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\n", "Л", "\uD83D",
                "\uDE80", "x\uD834\uDD1E").list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void offsetsAgreeWithCodePoints(@ForAll("texts") String text, @ForAll boolean reuse) {
        DocumentText t = new DocumentText(text, Location.ofFile("x"));
        char[] scratch = t.index(reuse ? new char[4] : new char[0]);
        assertThat(scratch).isNotNull();
        int n = CodePoints.length(text);
        assertThat(t.length()).isEqualTo(n);
        for (int s = 0; s <= n; s++) {
            assertThat(t.charIndex(s)).isEqualTo(CodePoints.toCharIndex(text, s));
            for (int e = s; e <= n; e++) {
                String expected = CodePoints.substring(text, s, e);
                assertThat(t.substring(s, e)).isEqualTo(expected);
                assertThat(t.matches(s, e, expected)).isTrue();
                assertThat(t.matches(s, e, expected + "x")).isFalse();
                if (!expected.isEmpty()) {
                    assertThat(t.matches(s, e, "?" + expected.substring(1))).isEqualTo(expected.charAt(0) == '?');
                }
            }
        }
    }
}
