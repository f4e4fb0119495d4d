package org.corpusbench.format.timeml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.corpusbench.FuzzSeeds;
import org.corpusbench.MutatedInputContract;
import org.corpusbench.ValidResults;
import org.corpusbench.model.Document;
import org.corpusbench.model.Timex3;

/** A TimeML file changed byte by byte: imported, or refused at a line (issue 12, item 8). */
class TimemlMutationTest implements MutatedInputContract {

    @Override
    public Map<String, byte[]> seed() throws IOException {
        FuzzSeeds.Slice s = FuzzSeeds.slice();
        Document d = s.documents().get(0);
        return Map.of("d.tml", TimemlWriter.render(d, s.annotations().get(d.id()).timexes(), LocalDate.of(2024, 12, 6))
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void readAndCheck(Path dir) throws IOException {
        TimemlReader.TimemlDocument t = TimemlReader.read(dir.resolve("d.tml"));
        Document d = t.document();
        assertThat(t.annotations().docId()).isEqualTo(d.id());
        ValidResults.annotations(Map.of(d.id(), d), List.of(t.annotations()));
        List<String> tids = t.annotations().timexes().stream().map(Timex3::tid).toList();
        assertThat(tids).doesNotHaveDuplicates();
    }
}
