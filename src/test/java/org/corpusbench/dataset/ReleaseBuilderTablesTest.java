package org.corpusbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card template chooses its baseline tables by placeholder (issue 17 item 5): a released card keeps the
 * table it was published with ({@code {{baselines}}}) while the next one can take another
 * ({@code {{leaderboard}}}), and only the tables a card names are computed.
 */
class ReleaseBuilderTablesTest {

    static final Path MINI = Path.of("src/test/resources/org/corpusbench/dataset/mini");

    @TempDir
    Path tmp;

    private Path sourceWithCard(String card) throws IOException {
        Path src = ReleaseCopies.copyTree(MINI.resolve("source"), tmp.resolve("source"));
        Files.writeString(src.resolve("card/README.md"), card, StandardCharsets.UTF_8);
        return src;
    }

    @Test
    void eachPlaceholderTheCardHoldsIsFilledByItsTableAndNoOtherTableIsComputed() throws IOException {
        List<String> computed = new ArrayList<>();
        Function<GoldSources.Gold, String> old = g -> {
            computed.add("baselines");
            return "OLD TABLE of " + g.documents().size() + " documents";
        };
        Function<GoldSources.Gold, String> whole = g -> {
            computed.add("leaderboard");
            return "NEW TABLE";
        };
        Path src = sourceWithCard("# mini {{version}}\n\n{{leaderboard}}\n");
        Path dir = ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("new"),
                Map.of("baselines", old, "leaderboard", whole)).directory();
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8))
                .isEqualTo("# mini 1.0.0\n\nNEW TABLE\n");
        assertThat(computed).containsExactly("leaderboard");

        computed.clear();
        Files.writeString(src.resolve("card/README.md"), "{{baselines}} / {{leaderboard}} / {{other}}\n",
                StandardCharsets.UTF_8);
        dir = ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("both"),
                Map.of("baselines", old, "leaderboard", whole)).directory();
        // mini has two documents; a placeholder no table fills stays as written
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8))
                .isEqualTo("OLD TABLE of 2 documents / NEW TABLE / {{other}}\n");
        assertThat(computed).containsExactlyInAnyOrder("baselines", "leaderboard");
    }

    @Test
    void aBuildWithoutBaselinesSaysSoInEitherPlaceholder() throws IOException {
        Path src = sourceWithCard("{{baselines}}\n{{leaderboard}}\n");
        Path dir = ReleaseBuilder.build(src, MINI.resolve("seeds"), tmp.resolve("r")).directory();
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8))
                .isEqualTo(ReleaseBuilder.NO_BASELINES + "\n" + ReleaseBuilder.NO_BASELINES + "\n");
    }
}
