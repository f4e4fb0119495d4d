package org.corpusbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.TestTexts;

class SpanTest {

    record TextAndRange(String text, int start, int end) {
    }

    @Provide
    Arbitrary<TextAndRange> ranges() {
        return TestTexts.texts().flatMap(t -> {
            int n = t.codePointCount(0, t.length());
            return Combinators.combine(Arbitraries.integers().between(0, n), Arbitraries.integers().between(0, n))
                    .as((a, b) -> new TextAndRange(t, Math.min(a, b), Math.max(a, b)));
        });
    }

    @Property
    void surfaceTextIsTheCodePointSubstring(@ForAll("ranges") TextAndRange r) {
        Span s = Span.of(r.text(), r.start(), r.end());
        int[] cps = r.text().codePoints().toArray();
        String expected = new String(cps, r.start(), r.end() - r.start());
        assertThat(s.text()).isEqualTo(expected);
        assertThat(s.length()).isEqualTo(s.text().codePointCount(0, s.text().length()));
        assertThat(s.start()).isBetween(0, cps.length);
        assertThat(s.end()).isBetween(s.start(), cps.length);
    }

    @Property
    void codePointAndCharIndexesConvertBothWays(@ForAll("ranges") TextAndRange r) {
        int ci = CodePoints.toCharIndex(r.text(), r.start());
        assertThat(CodePoints.toCodePoint(r.text(), ci)).isEqualTo(r.start());
    }

    @Example
    void astralCharactersCountOnce() {
        String text = "Go \uD83D\uDE80 Oreshnik";
        Span s = Span.of(text, 5, 13);
        assertThat(s.text()).isEqualTo("Oreshnik");
        assertThat(CodePoints.length(text)).isEqualTo(13);
        assertThat(text.length()).isEqualTo(14);
    }

    @Example
    void rejectsInvertedNegativeAndMismatchedSpans() {
        assertThatThrownBy(() -> new Span(-1, 2, "ab")).hasMessageContaining("start must be >= 0");
        assertThatThrownBy(() -> new Span(3, 2, "")).hasMessageContaining("end must be >= start");
        assertThatThrownBy(() -> new Span(0, 2, "\uD83D\uDE80")).hasMessageContaining("1 code points");
    }

    @Example
    void overlapAndExtent() {
        Span a = new Span(0, 5, "abcde");
        assertThat(a.overlaps(new Span(4, 6, "ef"))).isTrue();
        assertThat(a.overlaps(new Span(5, 6, "f"))).isFalse();
        assertThat(a.sameExtent(new Span(0, 5, "xxxxx"))).isTrue();
    }
}
