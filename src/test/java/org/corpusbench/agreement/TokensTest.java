package org.corpusbench.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpusbench.TestTexts;
import org.corpusbench.model.EntityMention;
import org.corpusbench.model.Span;

class TokensTest {

    private static List<String> texts(String text) {
        return Tokens.of(text).stream().map(t -> Span.of(text, t.start(), t.end()).text()).toList();
    }

    /**
     * Words are runs of letters, digits and combining marks; every other non-space code point is a token of
     * its own; offsets are code points, so the rocket (two UTF-16 units) is one.
     */
    @Example
    void wordsPunctuationAndAstralCharacters() {
        String text = "Putin's Oreshnik-class\u00a0e\u0301té — 5\u00a0May\t\uD83D\uDE80!";
        assertThat(texts(text)).containsExactly("Putin", "'", "s", "Oreshnik", "-", "class", "e\u0301té", "—", "5", "May",
                "\uD83D\uDE80", "!");
        List<Tokens.Token> t = Tokens.of("a \uD83D\uDE80 b");
        assertThat(t).containsExactly(new Tokens.Token(0, 1), new Tokens.Token(2, 3), new Tokens.Token(4, 5));
    }

    /** A token takes the type of the entity holding its first code point. */
    @Example
    void labelsFollowTheFirstCodePoint() {
        String text = "Ann met Bob in Paris-Nord.";
        List<EntityMention> es = List.of(new EntityMention(Span.of(text, 0, 3), "PERSON", "ann"),
                new EntityMention(Span.of(text, 15, 20), "GPE", "paris"));
        // Ann met Bob in Paris - Nord .
        assertThat(Tokens.labels(Tokens.of(text), es)).containsExactly("PERSON", "O", "O", "O", "GPE", "O", "O",
                "O");
    }

    @Provide
    Arbitrary<String> text() {
        return TestTexts.texts();
    }

    /** Tokens are non-empty, in order, never overlap, and hold no white space. */
    @Property
    void tokensAreOrderedAndHoldNoSpace(@ForAll @From("text") String text) {
        List<Tokens.Token> ts = Tokens.of(text);
        int last = 0;
        for (Tokens.Token t : ts) {
            assertThat(t.start()).isGreaterThanOrEqualTo(last);
            assertThat(t.end()).isGreaterThan(t.start());
            assertThat(Span.of(text, t.start(), t.end()).text().codePoints()
                    .noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))).isTrue();
            last = t.end();
        }
    }
}
