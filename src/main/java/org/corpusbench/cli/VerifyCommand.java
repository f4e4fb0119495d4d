package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpusbench.dataset.Dataset;
import org.corpusbench.dataset.Manifest;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.schema.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code corpusbench verify DIR}: checksums, fingerprint, schema and surface text of a release. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a release: checksums against its manifest, fingerprint, schema and surface text.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Release directory, e.g. datasets/oreshnik-reports/1.0.0")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean ok = verify(dir, out);
        out.flush();
        return ok ? 0 : Main.PROBLEMS;
    }

    /** Prints what was checked and every problem found; true when the release is intact. */
    static boolean verify(Path dir, PrintWriter out) throws IOException {
        Dataset ds = Dataset.open(dir);
        Manifest m = ds.manifest();
        out.println("checksums: " + m.files().size() + " files match the manifest");
        String fp = Manifest.fingerprint(m.files(), m.seeds());
        if (!fp.equals(m.fingerprint())) {
            out.println(dir.resolve(Manifest.FILE_NAME) + ": fingerprint: found " + m.fingerprint() + ", expected "
                    + fp + " from the listed files and seeds");
            return false;
        }
        List<Diagnostic> problems = CorpusValidator.validate(List.of(dir), CorpusValidator.Role.GOLD);
        problems.forEach(out::println);
        long errors = problems.stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            out.println(errors + " problems found");
            return false;
        }
        out.println("schema and surface text: valid");
        out.println("verified " + m.name() + " " + m.version() + " fingerprint " + m.fingerprint());
        return true;
    }
}
