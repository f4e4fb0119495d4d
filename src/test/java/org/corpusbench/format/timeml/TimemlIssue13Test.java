package org.corpusbench.format.timeml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.corpusbench.model.Document;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;
import org.junit.jupiter.api.Test;

/** Found while documenting the API (issue 13): a TIMEX3 without a tid could be given one another already has. */
class TimemlIssue13Test {

    @Test
    void aGeneratedTidSkipsTheTidsTheDocumentUses() throws IOException {
        String text = "Today and tomorrow.";
        Document d = Document.of("d", text, null);
        // the first has no tid and used to get t1, which the second already has
        List<Timex3> timexes = List.of(
                new Timex3(null, Span.of(text, 0, 5), TimexType.DATE, "PRESENT_REF", null, null, null, null),
                new Timex3("t1", Span.of(text, 10, 18), TimexType.DATE, "FUTURE_REF", null, null, null, null));
        String tml = TimemlWriter.render(d, timexes, null);
        TimemlReader.TimemlDocument back = TimemlReader.read(new ByteArrayInputStream(
                tml.getBytes(StandardCharsets.UTF_8)), "d", "d.tml", d.sha256());
        assertThat(back.annotations().timexes()).extracting(Timex3::tid).containsExactly("t2", "t1");
    }
}
