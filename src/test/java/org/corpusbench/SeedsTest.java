package org.corpusbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import org.corpusbench.internal.Hashes;

/** The seed articles are kept byte for byte: every offset of the gold refers to these exact bytes. */
class SeedsTest {

    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("000_6e15c3caa4eb7126.txt", "93cea52dd4493ed5935cd4be2af7e56571b53fae3bcae331af4f006189649e3d");
        EXPECTED.put("001_3cbd90c8ad035dae.txt", "9d8e6fd16d512247b0444458bd99ee317a3803c66737ec8e15460901d8b31b25");
        EXPECTED.put("002_c6b68ee50c1b1fad.txt", "46c20ac6f470239a6c1c1644230eb390d320c4ce3d7f00118616a94d1f9b1bfc");
        EXPECTED.put("003_d78e2b2912535dd7.txt", "302158327513a81df41d65b5da5edbc15c418219038779cca574d2c6b851b30c");
        EXPECTED.put("004_1fd1226005666fa9.txt", "cfdc2ec5ffbd998b777e671c67b402a1c652276dde30a1569d25afdadfb6a430");
    }

    @Example
    void seedsAreTheFiveArticlesByteForByte() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("seeds"))) {
            for (Path p : files.sorted().toList()) {
                found.put(p.getFileName().toString(), Hashes.sha256(Files.readAllBytes(p)));
            }
        }
        assertThat(found).isEqualTo(EXPECTED);
    }
}
