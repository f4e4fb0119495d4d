package org.corpusbench.format.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corpusbench.diagnostic.CorpusFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A span of documents.jsonl that does not fit its text is refused in the words the validator, the gold
 * sources and the predictions check use (issue 13: the reader had its own, without what offsets count).
 */
class HuggingFaceSpanProblemsTest {

    @TempDir
    Path tmp;

    private CorpusFormatException refused(String entity) throws IOException {
        Path f = tmp.resolve(HuggingFace.DOCUMENTS);
        // "🚀 Minsk" is 7 code points: the rocket is one, Minsk is [2,7)
        Files.writeString(f, "{\"id\":\"d\",\"text\":\"\uD83D\uDE80 Minsk\",\"entities\":[" + entity
                + "],\"timexes\":[]}\n", StandardCharsets.UTF_8);
        Throwable t = catchThrowable(() -> HuggingFace.read(f));
        assertThat(t).isInstanceOf(CorpusFormatException.class);
        return (CorpusFormatException) t;
    }

    @Test
    void aSurfaceThatIsNotTheTextAtItsOffsets() throws IOException {
        // [2,6) is "Mins", one code point short
        CorpusFormatException e = refused("{\"start\":2,\"end\":6,\"text\":\"Minsk\",\"type\":\"GPE\"}");
        assertThat(e.location().line()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("entities[0].text");
        assertThat(e.originalMessage()).isEqualTo("'Minsk' does not match the text at [2,6), which is 'Mins' "
                + "(offsets count code points)");
    }

    @Test
    void offsetsPastTheEndOfTheText() throws IOException {
        // UTF-16 offsets: Minsk is [3,8) in UTF-16 units, past the 7 code points of the text
        CorpusFormatException e = refused("{\"start\":3,\"end\":8,\"text\":\"Minsk\",\"type\":\"GPE\"}");
        assertThat(e.field()).isEqualTo("entities[0]");
        assertThat(e.originalMessage()).isEqualTo("span [3,8) is not inside the text (7 code points)");
        assertThatThrownBy(() -> HuggingFace.read(tmp.resolve(HuggingFace.DOCUMENTS)))
                .hasMessageContaining(":1: entities[0]: span [3,8)");
    }

    /**
     * An offset that is not an integer was read with Jackson's asInt: "2" as 2, 2.9 as 2, "two" as 0, true as 1,
     * a silent wrong span whenever the entity has no surface text to check it against. Now refused.
     */
    @Test
    void anOffsetThatIsNotAnIntegerIsRefusedNotRounded() throws IOException {
        for (String start : new String[] {"\"2\"", "2.9", "\"two\"", "true", "2147483648"}) {
            CorpusFormatException e = refused("{\"start\":" + start + ",\"end\":7,\"type\":\"GPE\"}");
            assertThat(e.field()).as(start).isEqualTo("entities[0].start");
            assertThat(e.originalMessage()).as(start).isEqualTo("'" + start.replace("\"", "\"")
                    + "'; expected a code-point offset (an integer)");
        }
        assertThat(refused("{\"start\":2,\"end\":7.0,\"type\":\"GPE\"}").field()).isEqualTo("entities[0].end");
        assertThat(refused("{\"start\":null,\"end\":7,\"type\":\"GPE\"}").originalMessage()).isEqualTo("missing");
    }
}
