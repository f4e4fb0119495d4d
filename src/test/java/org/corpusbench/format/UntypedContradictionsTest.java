package org.corpusbench.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corpusbench.format.brat.Brat;
import org.corpusbench.format.csv.CsvLayers;
import org.corpusbench.model.Contradiction;
import org.corpusbench.model.ContradictionType;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;
import org.corpusbench.model.Evidence;
import org.corpusbench.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A system's contradictions often carry no type ({@code predict --system all-pairs}). CSV export stopped with
 * a NullPointerException on them, brat's too for pairs within one document, and brat's import gave an untyped
 * pair the type FACT. Both now write no type and read none back; typed pairs are unchanged.
 */
class UntypedContradictionsTest {

    @TempDir
    Path tmp;

    private static final Document D = Document.of("d", "Ana met Bob. Ana met Rob.", null);
    private static final Contradiction UNTYPED = new Contradiction("p1", null,
            new Evidence("d", Span.of(D.text(), 8, 11)), new Evidence("d", Span.of(D.text(), 21, 24)), null);
    private static final Contradiction TYPED = new Contradiction("p2", ContradictionType.NAME,
            new Evidence("d", Span.of(D.text(), 0, 3)), new Evidence("d", Span.of(D.text(), 13, 16)), "x");

    @Test
    void csvWritesAndReadsAContradictionWithoutAType() throws IOException {
        CsvLayers.write(tmp, List.of(DocumentAnnotations.empty("d")), List.of(UNTYPED, TYPED), List.of());
        assertThat(Files.readString(tmp.resolve(CsvLayers.CONTRADICTIONS))).contains("p1,,d,8,11,Bob");
        List<Contradiction> back = CsvLayers.read(tmp).contradictions();
        assertThat(back).extracting(Contradiction::type).containsExactly(null, ContradictionType.NAME);
    }

    @Test
    void bratWritesAndReadsAContradictionWithoutATypeAndMakesNoneUp() throws IOException {
        Brat.write(tmp, List.of(D), Map.of("d", DocumentAnnotations.empty("d")), List.of(UNTYPED, TYPED));
        List<Contradiction> back = Brat.read(tmp).contradictions();
        assertThat(back).hasSize(2);
        assertThat(back).filteredOn(c -> c.a().span().start() == 8).extracting(Contradiction::type)
                .containsExactly((ContradictionType) null);
        assertThat(back).filteredOn(c -> c.a().span().start() == 0).extracting(Contradiction::type)
                .containsExactly(ContradictionType.NAME);
    }
}
