package org.corpusbench.format.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Example;
import org.corpusbench.diagnostic.CorpusFormatException;

class JsonlReaderTest {

    private static JsonlReader reader(byte[] bytes) {
        return new JsonlReader(new ByteArrayInputStream(bytes), "in.jsonl");
    }

    @Example
    void malformedLineNamesLineAndColumnAndReadingGoesOn() throws IOException {
        byte[] in = "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\": oops}\n\n{\"id\":\"c\",\"text\":\"z\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        try (JsonlReader r = reader(in)) {
            assertThat(r.next().location().line()).isEqualTo(1);
            assertThatThrownBy(r::next).isInstanceOf(CorpusFormatException.class)
                    .hasMessageStartingWith("in.jsonl:2:")
                    .hasMessageContaining("malformed JSON");
            assertThat(r.next().location().line()).isEqualTo(4);
            assertThat(r.next()).isNull();
        }
    }

    @Example
    void invalidUtf8NamesTheByteOffset() throws IOException {
        byte[] in = {'{', '}', '\n', '"', (byte) 0xC3, (byte) 0x28, '"', '\n'};
        try (JsonlReader r = reader(in)) {
            r.next();
            assertThatThrownBy(r::next).isInstanceOf(CorpusFormatException.class)
                    .hasMessage("in.jsonl:2: invalid UTF-8 at byte offset 4 (byte 0xC3): expected UTF-8 text; "
                            + "re-encode the file as UTF-8");
        }
    }

    @Example
    void byteOrderMarkIsSkippedAndReported() throws IOException {
        byte[] in = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}', '\r', '\n'};
        try (JsonlReader r = reader(in)) {
            assertThat(r.next().node().isObject()).isTrue();
            assertThat(r.hadByteOrderMark()).isTrue();
        }
    }

    @Example
    void wrongFieldTypeNamesTheField() throws IOException {
        byte[] in = "{\"doc_id\":\"d\",\"entities\":[{\"start\":\"0\",\"end\":1,\"text\":\"a\",\"type\":\"ORG\"}]}\n"
                .getBytes(StandardCharsets.UTF_8);
        try (JsonlReader r = reader(in)) {
            JsonlReader.JsonLine l = r.next();
            assertThatThrownBy(() -> JsonCodec.annotations(l.node(), l.location()))
                    .hasMessage("in.jsonl:1: entities[0].start: expected an integer, found a string");
        }
    }
}
