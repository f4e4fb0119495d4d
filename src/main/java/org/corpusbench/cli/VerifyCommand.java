package org.corpusbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.corpusbench.dataset.Dataset;
import org.corpusbench.dataset.Manifest;
import org.corpusbench.dataset.PublishedReleases;
import org.corpusbench.schema.CorpusValidator;
import org.corpusbench.diagnostic.Diagnostic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code corpusbench verify DIR}: checksums, unlisted files, fingerprint (against the published one, or the
 * one pinned with {@code --expect-fingerprint}), schema and surface text of a release.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a release: checksums against its manifest, no unlisted files, the fingerprint "
            + "against the published one (docs/reliability.md), schema and surface text.",
            "A release of a dataset corpusbench does not publish is checked against its own manifest only, "
                + "with a note on stderr, unless --expect-fingerprint pins it."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Release directory, e.g. datasets/oreshnik-reports/1.0.0")
    Path dir;

    @Option(names = "--expect-fingerprint", paramLabel = "HEX", converter = FingerprintConverter.class,
            description = "Require this fingerprint (64 hex digits, as its publisher gives it). Pins any release, "
                    + "including one corpusbench does not publish; a published version must still have its "
                    + "published fingerprint.")
    String expectFingerprint;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CommandPaths.inputDirectory(dir, "DIR");
        boolean ok = verify(dir, expectFingerprint, out, err);
        out.flush();
        err.flush();
        return ok ? 0 : Main.PROBLEMS;
    }


    /**
     * Prints what was checked and every problem found; true when the release is intact. A release that is
     * not pinned gets a note on {@code err}. Refusals by {@link Dataset#open(Path, String)} are thrown.
     */
    static boolean verify(Path dir, String expectedFingerprint, PrintWriter out, PrintWriter err) throws IOException {
        Dataset ds = Dataset.open(dir, expectedFingerprint);
        Manifest m = ds.manifest();
        String release = m.name() + " " + m.version();
        out.println("checksums: " + m.files().size() + " files match the manifest, and it lists every file");
        switch (ds.pin()) {
            case PUBLISHED -> out.println("fingerprint: the published one for " + release + " ("
                    + PublishedReleases.bundled(m.name()).orElseThrow().source() + ")");
            case EXPECTED -> out.println("fingerprint: the expected one (--expect-fingerprint)");
            case NONE -> err.println("corpusbench verify: note: corpusbench publishes no dataset named '" + m.name()
                    + "', so the fingerprint of " + release + " is not pinned: its files match its own manifest, "
                    + "which whoever changes a file can rewrite; pass --expect-fingerprint with the fingerprint its "
                    + "publisher gives to pin it");
        }
        List<Diagnostic> problems = CorpusValidator.validate(List.of(dir), CorpusValidator.Role.GOLD);
        problems.forEach(err::println);
        long errors = problems.stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            err.println(errors + " problem" + (errors == 1 ? "" : "s") + " found");
            return false;
        }
        out.println("schema and surface text: valid");
        out.println("verified " + release + " fingerprint " + m.fingerprint()
                + (ds.pin() == Dataset.Pin.NONE ? " (not pinned)" : ""));
        return true;
    }

    /** {@code --expect-fingerprint HEX}: 64 hex digits, in lower case; anything else is a usage error. */
    static final class FingerprintConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Dataset.normaliseFingerprint(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a fingerprint; expected 64 hex "
                        + "digits, the 'fingerprint' of a release's manifest.json");
            }
        }
    }
}
