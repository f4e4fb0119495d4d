package org.corpusbench.format.nli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offsets our NLI export writes beside a sentence ({@code sentence1_start}, ...) are read as integers only:
 * 2.9 was read as 2 and "2" as 2 (Jackson's canConvertToInt holds for both), a silent wrong span.
 */
class SnliJsonlOffsetsTest {

    @TempDir
    Path tmp;

    private Throwable read(String start) throws IOException {
        Path f = tmp.resolve("p.jsonl");
        Files.writeString(f, "{\"pairID\":\"p\",\"gold_label\":\"neutral\",\"sentence1\":\"Ana came.\","
                + "\"sentence1_doc_id\":\"d\",\"sentence1_start\":" + start + ",\"sentence1_end\":9,"
                + "\"sentence2\":\"Bob left.\"}\n", StandardCharsets.UTF_8);
        return catchThrowable(() -> SnliJsonl.read(f));
    }

    @Test
    void anOffsetThatIsNotAnIntegerIsRefused() throws IOException {
        for (String bad : new String[] {"0.9", "\"0\"", "true"}) {
            assertThat(read(bad)).as(bad).isInstanceOf(IOException.class).hasMessageContaining("sentence1_start")
                    .hasMessageContaining("expected integer sentence1_start and sentence1_end");
        }
        assertThat(read("0")).isNull();
    }
}
