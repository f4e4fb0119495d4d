package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        StringBuilder nothing = new StringBuilder();
        for (String id : List.of("000_6e15c3caa4eb7126", "001_3cbd90c8ad035dae", "002_c6b68ee50c1b1fad",
                "003_d78e2b2912535dd7", "004_1fd1226005666fa9")) {
            nothing.append("{\"doc_id\":\"").append(id).append("\",\"entities\":[]}\n");
        }
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), nothing);
        CliTest.Run r = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "entities",
                RELEASE.resolve("annotations.jsonl").toString(), empty.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1.0000 [1.0000, 1.0000]", "over 5 units");
        assertThat(pValue(r.out())).isBetween(0.055, 0.070);
    }

    @Test
    void nliIsPairedOverPairsAndUnknownTaskIsAUsageError() throws IOException {
        // B labels one pair of 65; --lenient scores the 64 pairs it leaves out as missed.
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "{\"id\":\"n001\",\"label\":\"neutral\"}\n");
        Path gold = RELEASE.resolve("nli.jsonl");
        CliTest.Run r = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "nli", "--shuffles", "2000",
                "--lenient", gold.toString(), empty.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("over 65 units");
        assertThat(pValue(r.out())).isLessThan(0.001);
        CliTest.Run bad = CliTest.run("compare", "--dataset", RELEASE.toString(), "--task", "sentiment",
                gold.toString(), empty.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown --task 'sentiment'");
    }
}
