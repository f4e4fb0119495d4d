package org.corpusbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Every HTML report opened in a real browser (issue 14 item 6): headless Chromium, driven by Selenium through
 * Debian's {@code chromium-driver}, loads each page {@code evaluate --html} and {@code run} write, and the test
 * reads what the browser rendered, not the HTML source: the page has a title and no console error, and the
 * figures its JSON report holds are the ones a reader sees.
 *
 * <p>{@code .ci/run} installs {@code chromium} and {@code chromium-driver} and sets
 * {@code CORPUSBENCH_BROWSER=required}, so in CI a missing browser fails the build; on a developer's machine
 * without them the test is skipped with the reason printed (the pages' HTML is checked without a browser by
 * {@code EvaluateCommandTest} and {@code RunCommandTest}).
 */
class BrowserRenderingTest {

    static final Path RELEASE = Path.of("datasets/oreshnik-reports/1.0.1");
    static final Path CONLL = Path.of("src/test/resources/org/corpusbench/eval/tags/conformance/v00001-IOB2.conll");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    static ChromeDriver browser;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "required".equals(System.getenv("CORPUSBENCH_BROWSER"))) {
            throw new AssertionError("CORPUSBENCH_BROWSER=required but " + CHROMIUM + " or " + DRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "no headless browser here (" + CHROMIUM + ", " + DRIVER
                + "); CI installs them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1024", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** What the browser shows of {@code page}, after checking that it loaded without a console error. */
    private static String rendered(Path page) {
        browser.get(page.toAbsolutePath().toUri().toString());
        assertThat(browser.getTitle()).as(page + ": title").isNotBlank();
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(e.getLevel() + " " + e.getMessage());
            }
        }
        assertThat(errors).as(page + ": console errors and warnings").isEmpty();
        WebElement body = browser.findElement(By.tagName("body"));
        assertThat(body.getSize().getHeight()).as(page + ": rendered height").isPositive();
        return body.getText();
    }

    private static String f(JsonNode report, String pointer) {
        JsonNode n = report.at(pointer);
        assertThat(n.isNumber()).as(pointer + " in the JSON report").isTrue();
        return String.format(Locale.ROOT, "%.4f", n.asDouble());
    }

    private static String interval(JsonNode ci) {
        assertThat(ci.isObject()).as("interval " + ci).isTrue();
        return String.format(Locale.ROOT, "[%.4f, %.4f]", ci.get("low").asDouble(), ci.get("high").asDouble());
    }

    /** Runs {@code evaluate} with {@code --html} and {@code --json}; returns the JSON report and the page's text. */
    private static Map.Entry<JsonNode, String> evaluate(String name, String... args) throws IOException {
        Path html = tmp.resolve(name + ".html");
        Path json = tmp.resolve(name + ".json");
        List<String> a = new ArrayList<>(List.of("evaluate"));
        a.addAll(List.of(args));
        a.addAll(List.of("--resamples", "100", "--html", html.toString(), "--json", json.toString()));
        CliTest.Run r = CliTest.run(a.toArray(String[]::new));
        assertThat(r.code()).as(name + ": " + r.err()).isZero();
        return Map.entry(new ObjectMapper().readTree(json.toFile()), rendered(html));
    }

    private static Path predict(String system) {
        Path out = tmp.resolve(system + ".jsonl");
        CliTest.Run r = CliTest.run("predict", "--dataset", RELEASE.toString(), "--system", system, "--out",
                out.toString());
        assertThat(r.code()).as(system + ": " + r.err()).isZero();
        return out;
    }

    @Test
    void tagsPageShowsTheReportsFigures() throws IOException {
        var r = evaluate("tags", "--task", "tags", "--format", "conll", "--pred", CONLL.toString());
        JsonNode j = r.getKey();
        assertThat(r.getValue()).contains(f(j, "/overall/precision"), f(j, "/overall/recall"), f(j, "/overall/f1"))
                .contains("token accuracy " + f(j, "/overall/accuracy"));
    }

    @Test
    void conllEntitiesPageShowsEachSchemesF1AndInterval() throws IOException {
        var r = evaluate("conll-entities", "--task", "entities", "--format", "conll", "--pred", CONLL.toString());
        JsonNode j = r.getKey();
        for (String scheme : List.of("strict", "exact", "partial", "type")) {
            assertThat(r.getValue()).as(scheme).contains(f(j, "/schemes/" + scheme + "/overall/f1"))
                    .contains(interval(j.at("/confidence_intervals/" + scheme + ".f1")));
        }
    }

    @Test
    void entitiesPageShowsTheFiguresAndEveryDocument() throws IOException {
        var r = evaluate("entities", "--task", "entities", "--dataset", RELEASE.toString(), "--pred",
                predict("gazetteer").toString());
        JsonNode j = r.getKey();
        assertThat(r.getValue()).contains(f(j, "/schemes/strict/overall/f1"));
        // each document's article is shown with its errors marked
        List<WebElement> marked = browser.findElements(By.cssSelector("mark"));
        assertThat(marked).as("marked errors").isNotEmpty();
    }

    @Test
    void datesPageShowsStrictRelaxedAndValueWithIntervals() throws IOException {
        var r = evaluate("dates", "--task", "dates", "--dataset", RELEASE.toString(), "--pred",
                predict("rule-based").toString());
        JsonNode j = r.getKey();
        assertThat(r.getValue()).contains(f(j, "/strict/f1"), f(j, "/relaxed/f1"),
                interval(j.at("/confidence_intervals/strict.f1")), interval(j.at("/confidence_intervals/value.f1")));
    }

    @Test
    void contradictionsPageShowsTheFiguresAndInterval() throws IOException {
        // half the gold pairs (matched) and the all-pairs detector's output (spurious), so the page has pairs of
        // each kind
        List<String> goldPairs = Files.readAllLines(RELEASE.resolve("contradictions.jsonl"));
        List<String> lines = new ArrayList<>(goldPairs.subList(0, goldPairs.size() / 2));
        lines.addAll(Files.readAllLines(predict("all-pairs")));
        Path pred = Files.write(tmp.resolve("mixed-contradictions.jsonl"), lines);
        var r = evaluate("contradictions", "--task", "contradictions", "--dataset", RELEASE.toString(), "--pred",
                pred.toString());
        JsonNode j = r.getKey();
        assertThat(r.getValue()).contains(f(j, "/overall/precision"), f(j, "/overall/recall"), f(j, "/overall/f1"),
                interval(j.at("/confidence_intervals/f1")));
        // every pair is shown with both evidence spans highlighted: matched and missed gold pairs, spurious
        // predictions, as many as the counts say
        long tp = j.at("/overall/tp").asLong();
        assertThat(tp).as("matched pairs").isPositive();
        assertThat(browser.findElements(By.cssSelector(".pair.matched"))).hasSize((int) tp);
        assertThat(browser.findElements(By.cssSelector(".pair.missed"))).hasSize((int) (j.at("/overall/true").asLong() - tp));
        assertThat(browser.findElements(By.cssSelector(".pair.spurious")))
                .hasSize((int) (j.at("/overall/pred").asLong() - tp));
        for (WebElement pair : browser.findElements(By.cssSelector(".pair"))) {
            List<WebElement> marks = pair.findElements(By.cssSelector("mark.evidence"));
            assertThat(marks).as(pair.getText()).hasSize(2);
            marks.forEach(m -> assertThat(m.getSize().getWidth()).as(pair.getText()).isPositive());
            assertThat(marks.get(0).getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        }
    }

    @Test
    void nliPageShowsAccuracyAndTheConfusionMatrix() throws IOException {
        var r = evaluate("nli", "--task", "nli", "--dataset", RELEASE.toString(), "--pred",
                predict("lexical-overlap").toString());
        JsonNode j = r.getKey();
        assertThat(r.getValue()).contains(f(j, "/overall/accuracy"), f(j, "/overall/macro_f1"));
        JsonNode confusion = j.at("/confusion");
        assertThat(confusion.isObject()).as("confusion matrix in the JSON").isTrue();
        // the rendered matrix has a row per gold label holding that label's counts, in the JSON's order
        List<List<String>> rows = browser.findElements(By.cssSelector("tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
        confusion.properties().forEach(gold -> {
            List<String> counts = new ArrayList<>();
            gold.getValue().forEach(c -> counts.add(c.asText()));
            assertThat(rows).as("matrix row of " + gold.getKey())
                    .anySatisfy(row -> assertThat(row).first().asString().contains(gold.getKey()))
                    .anySatisfy(row -> assertThat(String.join(" ", row)).contains(String.join(" ", counts)));
        });
    }

    @Test
    void leaderboardPageDrawsEveryRowsF1AndIntervalAndKeepsTheCaveat() throws IOException {
        Path out = tmp.resolve("run");
        CliTest.Run r = CliTest.run("run", "--out", out.toString(), "--resamples", "100", "--progress", "never");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode board = new ObjectMapper().readTree(out.resolve("leaderboard.json").toFile());
        String text = rendered(out.resolve("leaderboard.html"));
        assertThat(board.get("rows").size()).isPositive();
        for (JsonNode row : board.get("rows")) {
            assertThat(text).as(row.get("system").asText()).contains(row.get("system").asText())
                    .contains(f(row, "/f1"));
        }
        assertThat(text).containsIgnoringCase("written with these articles");
        // the chart: one drawn mark per row at least, each with a real size on the page
        WebElement svg = browser.findElement(By.cssSelector("svg"));
        assertThat(svg.getSize().getWidth()).isPositive();
        Number drawn = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('svg rect, svg line, svg circle'))"
                        + ".filter(e => { const b = e.getBBox(); return b.width > 0 || b.height > 0; }).length;");
        assertThat(drawn.intValue()).as("drawn marks in the chart").isGreaterThanOrEqualTo(board.get("rows").size());
    }
}
