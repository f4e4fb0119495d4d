package org.corpusbench.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.corpusbench.TestTexts;
import org.corpusbench.model.CodePoints;
import org.corpusbench.model.Span;

class EnglishSplitterTest {

    private final EnglishSplitter splitter = new EnglishSplitter();

    @Example
    void headlineLineIsItsOwnSentenceAndOffsetsAreCodePoints() {
        String text = "Belarus \uD83D\uDE80 Deploys 'Oreshnik'\nLukashenko confirmed it. Moscow agreed.";
        List<EnglishSplitter.Sentence> s = splitter.split(text);
        assertThat(s).hasSizeGreaterThanOrEqualTo(2);
        assertThat(s.get(0).span().text()).isEqualTo("Belarus \uD83D\uDE80 Deploys 'Oreshnik'");
        Span deploys = s.get(0).tokens().stream().filter(t -> t.text().equals("Deploys")).findFirst().orElseThrow();
        assertThat(deploys.start()).isEqualTo(10);
        assertThat(s.stream().flatMap(x -> x.tokens().stream()).map(Span::text)).contains("Lukashenko", "Moscow");
    }

    @Property(tries = 60)
    void tokensLieInsideTheirSentenceAndMatchTheText(@ForAll("texts") String text) {
        for (EnglishSplitter.Sentence s : splitter.split(text)) {
            assertThat(CodePoints.substring(text, s.span().start(), s.span().end()))
                    .as("sentence %s in %s", escape(s.span().text()), escape(text)).isEqualTo(s.span().text());
            for (Span t : s.tokens()) {
                assertThat(t.start()).isGreaterThanOrEqualTo(s.span().start());
                assertThat(t.end()).isLessThanOrEqualTo(s.span().end());
                assertThat(CodePoints.substring(text, t.start(), t.end())).isEqualTo(t.text());
            }
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c < 32 || c > 126 ? String.format(java.util.Locale.ROOT, "\\u%04x", c)
                : String.valueOf((char) c)));
        return sb.toString();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> texts() {
        return TestTexts.texts();
    }

}
