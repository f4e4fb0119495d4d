package org.corpusbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public or protected type, constructor, method, field and enum constant of an API package has a
 * Javadoc comment (issue 13). The Javadoc jar's doclint runs with {@code -missing}, so it fails on a broken
 * comment but not on an absent one; this test runs the JDK's javadoc in-process with
 * {@code -Xdoclint:missing} over the same packages and fails on each doclint "no comment", listed as
 * file:line. Missing {@code @param}, {@code @return} or {@code @throws} tags are not counted: a comment that
 * says what the thing is and why is required, tag-by-tag completeness is not. There is no list of exceptions.
 * The packages left out are the ones the Javadoc jar leaves out, {@code cli}, {@code internal} and
 * {@code bench} (docs/architecture.md).
 */
class ApiDocumentationTest {

    static final Path SOURCES = Path.of("src", "main", "java");

    /** Packages that are not API, with their sub-packages, as in the javadoc plugin's excludePackageNames. */
    static final Set<String> NOT_API = Set.of("org.corpusbench.cli", "org.corpusbench.internal",
            "org.corpusbench.bench");

    /** Doclint's message for a declaration without any comment, as opposed to one without some tag. */
    static final String NO_COMMENT = "no comment";

    @Test
    void everyPublicDeclarationOfAnApiPackageHasAComment(@TempDir Path out) throws IOException {
        List<Path> files = apiSourceFiles();
        assertThat(files).as("API source files under " + SOURCES).isNotEmpty();

        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ran;
        try (StandardJavaFileManager fileManager =
                     javadoc.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(),
                    "-classpath", System.getProperty("java.class.path"),
                    "-encoding", "UTF-8", "-quiet",
                    "-Xdoclint:missing", "-Xmaxwarns", "100000");
            ran = javadoc.getTask(null, fileManager, diagnostics, null, options,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
        }
        assertThat(ran).as("javadoc ran without errors: " + errors(diagnostics)).isTrue();

        List<String> undocumented = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getSource() != null
                        && d.getMessage(Locale.ROOT).equals(NO_COMMENT))
                .sorted(Comparator.<Diagnostic<? extends JavaFileObject>, String>comparing(
                                d -> d.getSource().toUri().toString())
                        .thenComparingLong(Diagnostic::getLineNumber)
                        .thenComparingLong(Diagnostic::getColumnNumber))
                .map(ApiDocumentationTest::where)
                .collect(Collectors.toList());
        assertThat(undocumented)
                .as(undocumented.size() + " public declarations of API packages without a Javadoc comment")
                .isEmpty();
    }

    /** The .java files of every package under src/main/java that is not {@link #NOT_API} or below it. */
    static List<Path> apiSourceFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".java"))
                    .filter(p -> isApi(packageOf(p)))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    static String packageOf(Path file) {
        Path dir = SOURCES.relativize(file).getParent();
        return dir == null ? "" : dir.toString().replace(dir.getFileSystem().getSeparator(), ".");
    }

    static boolean isApi(String pkg) {
        return NOT_API.stream().noneMatch(n -> pkg.equals(n) || pkg.startsWith(n + "."));
    }

    /** src/main/java/...:line and the declaration's line, so that the list reads without opening each file. */
    static String where(Diagnostic<? extends JavaFileObject> d) {
        Path file = Path.of(d.getSource().toUri());
        Path shown = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath());
        String line = "";
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long n = d.getLineNumber();
            if (n >= 1 && n <= lines.size()) {
                line = lines.get((int) n - 1).strip();
            }
        } catch (IOException e) {
            line = "(unreadable: " + e.getMessage() + ")";
        }
        return shown + ":" + d.getLineNumber() + "  " + line;
    }

    static String errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "" : where(d) + ": ") + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }
}
