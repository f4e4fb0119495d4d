package org.corpusbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import net.jqwik.api.Example;

/** The library example in README.md compiles against the current code and runs. */
class ReadmeExampleTest {

    @Example
    void readmeJavaExampleCompilesAndRuns() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a ```java block").isTrue();
        String source = m.group(1);
        // the consumer project of the integration test (src/it/consumer, run by mvn verify from the installed
        // artifact, outside the checkout) runs this same example
        assertThat(Files.readString(Path.of("src/it/consumer/src/main/java/Example.java"), StandardCharsets.UTF_8))
                .as("src/it/consumer's Example.java is the README example").isEqualTo(source);
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(source);
        assertThat(cls.find()).isTrue();
        String name = cls.group(1);

        Path dir = Files.createTempDirectory("readme-example");
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diag = new ByteArrayOutputStream();
        int rc = javac.run(null, diag, diag, "-encoding", "UTF-8", "-cp", System.getProperty("java.class.path"),
                "-d", dir.toString(), file.toString());
        assertThat(rc).as(diag.toString(StandardCharsets.UTF_8)).isZero();

        String output;
        try {
            output = runMain(dir, name);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        assertThat(output).contains("000_6e15c3caa4eb7126: 50 entities, the first is 'Belarus'",
                "dates: relaxed F1 1.0000, value F1 1.0000", "nli: accuracy interval 1.0 to 1.0, predictions ");
        assertThat(output.lines().count()).isEqualTo(7);
    }

    private static String runMain(Path dir, String name) throws IOException, ReflectiveOperationException {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

}
