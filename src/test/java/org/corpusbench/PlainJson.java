package org.corpusbench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.corpusbench.format.jsonl.JsonCodec;

/**
 * The reading rules of issue 12 stated plainly, for the reference readers that the fast ones are tested
 * against: strings of any length, nesting and number limits, a field given twice and text after the value
 * are errors.
 */
public final class PlainJson {

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(JsonCodec.MAX_NESTING_DEPTH).maxNumberLength(1000).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PlainJson() {
    }
}
