package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    static final Path RELEASE = EvaluateCommandTest.RELEASE;
    static final Pattern P_VALUE = Pattern.compile("p = ([0-9.]+)");

    @TempDir
    Path tmp;

    private static double pValue(String out) {
        Matcher m = P_VALUE.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void identicalSystemsAreNotDifferent() {
        Path gold = RELEASE.resolve("annotations.jsonl");
        CliTest.Run r = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "entities",
                "--shuffles", "500", gold.toString(), gold.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| A - B ", "0.0000 [0.0000, 0.0000]");
        assertThat(pValue(r.out())).isEqualTo(1.0);
    }

    /**
     * Gold against nothing on five documents: only the two labellings with every document on one side give
     * a difference as large as the observed one, so the exact randomization p-value is 2/32.
     */
    @Test
    void goldAgainstNothingOnFiveDocumentsHasPValueNearOneSixteenth() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        CliTest.Run r = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "entities",
                RELEASE.resolve("annotations.jsonl").toString(), empty.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1.0000 [1.0000, 1.0000]", "over 5 units");
        assertThat(pValue(r.out())).isBetween(0.055, 0.070);
    }

    @Test
    void nliIsPairedOverPairsAndUnknownTaskIsAUsageError() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        Path gold = RELEASE.resolve("nli.jsonl");
        CliTest.Run r = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "nli", "--shuffles", "2000",
                gold.toString(), empty.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("over 65 units");
        assertThat(pValue(r.out())).isLessThan(0.001);
        CliTest.Run bad = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "sentiment",
                gold.toString(), empty.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown --task 'sentiment'");
    }
}
