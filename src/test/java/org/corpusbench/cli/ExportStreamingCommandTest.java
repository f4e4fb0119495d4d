package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.corpusbench.text.EnglishSplitter;
import org.corpusbench.evaluation.GoldCorpus;
import org.corpusbench.tags.TagScheme;
import org.corpusbench.format.conll.ReferenceConllRenderer;
import org.corpusbench.format.conll.ReferenceConllRenderer.TokenizedDocument;
import org.corpusbench.model.Document;
import org.corpusbench.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --format conll} of the release, as the command runs it (its tokenizer, its file), gives the
 * bytes of the whole-string rendering it replaced (issue 12), in each scheme.
 */
class ExportStreamingCommandTest {

    @TempDir
    Path tmp;

    @Test
    void releaseConllIsTheWholeStringRendering() throws IOException {
        Path release = ExportImportCommandTest.RELEASE;
        GoldCorpus gold = GoldCorpus.read(release);
        EnglishSplitter splitter = new EnglishSplitter();
        List<TokenizedDocument> docs = new ArrayList<>();
        for (Document d : gold.documents().values()) {
            List<List<Span>> sentences = new ArrayList<>();
            for (EnglishSplitter.Sentence s : splitter.split(d.text())) {
                sentences.add(EnglishSplitter.splitQuotesAndClitics(d.text(), s.tokens()));
            }
            docs.add(new TokenizedDocument(d, sentences));
        }
        for (String scheme : List.of("iob2", "iob1", "bioes")) {
            Path out = tmp.resolve(scheme);
            CliTest.Run r = CliTest.run("export", "--dataset", release.toString(), "--format", "conll", "--scheme",
                    scheme, "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            StringBuilder sb = new StringBuilder();
            ReferenceConllRenderer.render(docs, gold.annotations(), TagScheme.parse(scheme), t -> t, sb);
            assertThat(Files.readAllBytes(out.resolve("oreshnik-reports-1.0.1.conll")))
                    .isEqualTo(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
