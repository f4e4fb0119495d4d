import java.nio.file.Path;
import java.util.Map;
import org.corpusbench.baseline.timex.RuleBasedTimexTagger;
import org.corpusbench.dataset.Dataset;
import org.corpusbench.eval.timex.TimexCounts;
import org.corpusbench.eval.timex.TimexEvaluator;
import org.corpusbench.evaluation.EvaluationResult;
import org.corpusbench.evaluation.EvaluationSettings;
import org.corpusbench.evaluation.Evaluations;
import org.corpusbench.evaluation.Task;
import org.corpusbench.model.Document;
import org.corpusbench.model.DocumentAnnotations;

public class Example {
    public static void main(String[] args) throws Exception {
        Dataset release = Dataset.load("oreshnik-reports", "1.1.0"); // from the jar; every checksum checked
        Path dir = release.directory();
        Map<String, DocumentAnnotations> gold = release.annotationsById();
        RuleBasedTimexTagger tagger = new RuleBasedTimexTagger();
        TimexCounts dates = TimexCounts.ZERO;
        for (Document doc : release.documentsById().values()) {
            DocumentAnnotations g = gold.get(doc.id());
            System.out.println(doc.id() + ": " + g.entities().size() + " entities, the first is '"
                    + g.entities().get(0).span().text() + "'");          // offsets: code points, end exclusive
            // evaluators keep counts that merge: per document here, summed over the corpus
            dates = dates.plus(TimexEvaluator.evaluate(g.timexes(), tagger.tag(doc, null)));
        }
        System.out.printf("dates: relaxed F1 %.4f, value F1 %.4f%n", dates.relaxedPrf().f1(), dates.valueF1());

        // what `corpusbench evaluate` prints, as one call: a predictions file (here the gold NLI labels
        // themselves) against the release, with 95% bootstrap intervals, provenance, text, JSON and HTML
        EvaluationResult nli = Evaluations.evaluate(Task.NLI, dir, null, dir.resolve("nli.jsonl"),
                EvaluationSettings.defaults());
        System.out.println("nli: accuracy interval " + nli.intervals().get("accuracy").low() + " to "
                + nli.intervals().get("accuracy").high() + ", predictions " + nli.provenance().inputs().get(0).sha256());
    }
}
