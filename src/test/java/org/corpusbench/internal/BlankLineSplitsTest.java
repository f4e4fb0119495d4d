package org.corpusbench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corpusbench.TempFiles.withFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BlankLineSplitsTest {

    @Provide
    Arbitrary<String> files() {
        return Arbitraries.of("a b\n", "\n", "\r\n", "c d e\n", "x", "\n\n").list().ofMaxSize(60)
                .map(l -> String.join("", l));
    }

    @Property
    void rangesCoverTheFileInOrderAndEndAfterBlankLines(@ForAll("files") String content,
            @ForAll @IntRange(min = 1, max = 6) int parts) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        List<BlankLineSplits.Range> ranges = withFile(content, f -> BlankLineSplits.of(f, parts));
        assertThat(ranges).isNotEmpty().hasSizeLessThanOrEqualTo(parts);
        assertThat(ranges.get(0).start()).isZero();
        assertThat(ranges.get(ranges.size() - 1).end()).isEqualTo(bytes.length);
        for (int i = 0; i < ranges.size(); i++) {
            BlankLineSplits.Range r = ranges.get(i);
            if (bytes.length > 0) {
                assertThat(r.end()).isGreaterThan(r.start());
            }
            if (i > 0) {
                assertThat(r.start()).isEqualTo(ranges.get(i - 1).end());
            }
            if (i < ranges.size() - 1) {
                String before = new String(bytes, 0, (int) r.end(), StandardCharsets.UTF_8);
                assertThat(before).matches("(?s).*\n\r?\n");
            }
        }
    }

    @Property(tries = 100)
    void theStreamsOfTheRangesGiveBackTheFile(@ForAll("files") String content,
            @ForAll @IntRange(min = 1, max = 4) int parts) throws IOException {
        String joined = withFile(content, f -> {
            StringBuilder sb = new StringBuilder();
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                for (BlankLineSplits.Range r : BlankLineSplits.of(f, parts)) {
                    try (InputStream in = BlankLineSplits.stream(ch, r)) {
                        sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return sb.toString();
        });
        assertThat(joined).isEqualTo(content);
    }
}
