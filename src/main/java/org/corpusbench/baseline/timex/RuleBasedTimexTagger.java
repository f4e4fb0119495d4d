package org.corpusbench.baseline.timex;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpusbench.model.Document;
import org.corpusbench.model.Span;
import org.corpusbench.model.Timex3;
import org.corpusbench.model.TimexType;

/**
 * A rule-based TIMEX3 tagger and normaliser for English news text, in the spirit of HeidelTime's
 * pattern-plus-normalisation design but far smaller. Each rule is a regular expression with a function
 * that turns the match into a type, value and mod. Where rules overlap, the longest match wins, so that
 * "late last July" beats "July" and "the past several months" beats "the past".
 *
 * <p>With a creation date, relative expressions resolve against it ("last year" in a 2013 article is
 * {@code 2013}-1); without one they stay underspecified ({@code XXXX}, {@code XXXX-12}), as in the
 * oreshnik-reports guidelines. Signals ("in", "by", "on", "since") stay outside the extent.
 */
public final class RuleBasedTimexTagger implements TimexTagger {

    /** What a rule found; {@code null} from a rule means "not a temporal expression after all". */
    private record Found(TimexType type, String value, String mod, String quant, String freq) {
        Found(TimexType type, String value, String mod) {
            this(type, value, mod, null, null);
        }
    }

    @FunctionalInterface
    private interface Normaliser {
        Found apply(Matcher m, Anchor anchor, String text);
    }

    private record Rule(Pattern pattern, Normaliser normaliser) {
    }

    private record Candidate(int start, int end, Found found) {
        int length() {
            return end - start;
        }
    }

    private static final String MONTH = "(?-i:(?<month>January|February|March|April|May|June|July|August|September"
            + "|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.))";
    private static final String DAY = "(?<day>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d)";
    private static final String YEAR = "(?<year>(?:1[5-9]|20)\\d\\d)(?![\\d-])";
    private static final String PART = "(?:(?<part>early|mid|late|the\\s+(?:end|beginning|start|middle)\\s+of"
            + "|the\\s+(?:first|second)\\s+half\\s+of)(?:\\s+|-))";
    private static final String WEEKDAY = "(?-i:(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))";
    private static final String NUMBER = "(?<num>\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|an?|one|two|three|four|five|six|seven|eight|nine"
            + "|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\\s+hundred|hundred"
            + "|several|a\\s+few|few|many|a\\s+couple\\s+of|a\\s+number\\s+of)";
    private static final String UNIT = "(?<unit>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?"
            + "|centur(?:y|ies))";

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("hundred", 100), Map.entry("a hundred", 100));

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private final List<Rule> rules = List.of(
            // December 6, November 10th, Dec. 6, 2024
            rule(PART + "?" + MONTH + "\\s+" + DAY + "(?:,?\\s+" + YEAR + ")?", (m, a, t) ->
                    new Found(TimexType.DATE, a.year(m.group("year")) + "-" + two(month(m)) + "-"
                            + two(Integer.parseInt(m.group("day"))), mod(m.group("part")))),
            // 6 December 2024, the 6th of December
            rule("(?:the\\s+)?" + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+" + YEAR + ")?", (m, a, t) ->
                    new Found(TimexType.DATE, a.year(m.group("year")) + "-" + two(month(m)) + "-"
                            + two(Integer.parseInt(m.group("day"))), null)),
            // December, the end of October, late last July, March 2013
            rule(PART + "?(?:(?<rel>this|last|next)\\s+)?" + MONTH + "(?:,?\\s+(?:of\\s+)?" + YEAR + ")?",
                    this::monthName),
            // 2010, early 2011, the year 2000
            rule("(?<![$\\d.,])" + PART + "?(?:the\\s+year\\s+)?" + YEAR
                    + "(?!\\s*%|\\s+(?!was\\b|is\\b|has\\b|as\\b|its\\b|this\\b|plus\\b)[a-z]+s\\b)", (m, a, t) ->
                    new Found(TimexType.DATE, m.group("year"), mod(m.group("part")))),
            // the 1990s
            rule("(?:the\\s+)?(?<decade>(?:1[5-9]|20)\\d)0s\\b", (m, a, t) ->
                    new Found(TimexType.DATE, m.group("decade"), null)),
            // the 20th century
            rule("(?:the\\s+)?(?<ordinal>1\\d|2[01]|[1-9])(?:st|nd|rd|th)\\s+century\\b", (m, a, t) ->
                    new Found(TimexType.DATE, two(Integer.parseInt(m.group("ordinal")) - 1), null)),
            // 2013-03-22, 3/22/2013
            rule("(?<![\\d-])(?<year>(?:1[5-9]|20)\\d\\d)-(?<mm>0[1-9]|1[0-2])-(?<dd>0[1-9]|[12]\\d|3[01])(?![\\d-])",
                    (m, a, t) -> new Found(TimexType.DATE, m.group("year") + "-" + m.group("mm") + "-" + m.group("dd"),
                            null)),
            rule("(?<![\\d/])(?<mm>1[0-2]|0?[1-9])/(?<dd>[12]\\d|3[01]|0?[1-9])/(?<year>(?:19|20)\\d\\d)(?![\\d/])",
                    (m, a, t) -> new Found(TimexType.DATE, m.group("year") + "-" + two(Integer.parseInt(m.group("mm")))
                            + "-" + two(Integer.parseInt(m.group("dd"))), null)),
            // this week, last year, early this year, the end of the year, next summer
            rule(PART + "?(?<rel>this|last|next|the\\s+last|the\\s+previous|the\\s+current|the|earlier\\s+this"
                    + "|later\\s+this|the\\s+past|the\\s+coming|the\\s+next|the\\s+following|previous|current|coming|past)"
                    + "\\s+(?:fiscal\\s+)?"
                    + "(?<unit>week|month|year|quarter|decade|century|weekend|spring|summer|fall|autumn|winter)\\b",
                    this::relativeUnit),
            rule(PART + "(?<rel>)(?<unit>year)\\b", this::relativeUnit),
            // today, yesterday morning, tonight
            rule("\\b(?<word>today|tonight|yesterday|tomorrow)(?:\\s+(?<tod>morning|afternoon|evening|night))?\\b",
                    this::dayWord),
            rule("\\bthis\\s+(?<tod>morning|afternoon|evening)\\b", (m, a, t) ->
                    new Found(TimexType.TIME, a.day(0) + "T" + timeOfDay(m.group("tod")), null)),
            // Friday, last Monday, Sunday night
            rule("(?:(?<rel>last|next|this)\\s+)?" + WEEKDAY + "(?:\\s+(?<tod>morning|afternoon|evening|night))?",
                    this::weekday),
            // now, recently, the past, the future
            rule("\\b(?<ref>now|currently|nowadays|presently|at\\s+present|at\\s+the\\s+moment|recently|lately"
                    + "|the\\s+past|the\\s+future)\\b(?!-)", (m, a, t) -> new Found(TimexType.DATE,
                    reference(m.group("ref")), null)),
            // 32-year-old, almost seven years, two weeks ago, the past several months
            rule("(?:(?<approx>about|around|roughly|approximately|almost|nearly|less\\s+than|up\\s+to|more\\s+than"
                    + "|at\\s+least)\\s+)?(?:the\\s+(?:past|last|next|coming|previous|first|following)\\s+)?"
                    + NUMBER + "[\\s-]+" + UNIT + "(?:(?<=s)')?(?<old>[\\s-]+old\\b)?(?<ago>\\s+ago\\b)?",
                    this::duration),
            // recent weeks, the coming weeks, (for) years
            rule("(?<rel>recent|the\\s+past|the\\s+last|the\\s+next|the\\s+coming|the\\s+following|coming|(?<=\\b(?:for"
                    + "|over|within)\\s))\\s*(?<unit>years|months|weeks|days|hours|minutes|decades)\\b", (m, a, t) ->
                    new Found(TimexType.DURATION, duration("X", unitCode(m.group("unit"))), null)),
            // each morning, every two weeks, daily, twice a year
            rule("\\b(?<quant>each|every)\\s+(?:(?<every>other|\\d+|two|three|four|five|six|ten)\\s+)?"
                    + "(?<unit>morning|afternoon|evening|night|day|week|month|year|weekend|hours?|days|weeks|months"
                    + "|years)\\b", this::set),
            rule("\\b(?<adverb>daily|weekly|monthly|annually|yearly|nightly|hourly)\\b", (m, a, t) ->
                    new Found(TimexType.SET, switch (m.group("adverb").toLowerCase(Locale.ROOT)) {
                        case "daily" -> "P1D";
                        case "weekly" -> "P1W";
                        case "monthly" -> "P1M";
                        case "hourly" -> "PT1H";
                        case "nightly" -> "XXXX-XX-XXTNI";
                        default -> "P1Y";
                    }, null)),
            rule("\\b(?<times>once|twice|(?:two|three|four|five|\\d+)\\s+times)\\s+(?:a|per|each)\\s+"
                    + "(?<unit>day|week|month|year)\\b", (m, a, t) -> new Found(TimexType.SET,
                    duration("1", unitCode(m.group("unit"))), null, null, times(m.group("times")))),
            // 10 a.m., 3:30 p.m., noon
            rule("(?<![\\d:])(?<hour>1[0-2]|0?[1-9])(?::(?<minute>[0-5]\\d))?\\s*(?<ampm>a\\.m\\.|p\\.m\\.|am\\b|pm\\b)",
                    this::clock),
            rule("\\b(?<clock>noon|midnight)\\b", (m, a, t) -> new Found(TimexType.TIME,
                    a.day(0) + ("noon".equalsIgnoreCase(m.group("clock")) ? "T12:00" : "T24:00"), null)));

    @Override
    public String name() {
        return "rule-based";
    }

    @Override
    public List<Timex3> tag(Document doc, LocalDate creationDate) {
        String text = doc.text();
        Anchor anchor = new Anchor(creationDate);
        List<Candidate> candidates = new ArrayList<>();
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                Found f = r.normaliser().apply(m, anchor, text);
                if (f != null) {
                    candidates.add(new Candidate(m.start(), m.end(), f));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::length).reversed().thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            if (kept.stream().noneMatch(k -> k.start() < c.end() && c.start() < k.end())) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        List<Timex3> out = new ArrayList<>();
        int n = 1;
        int charAt = 0;
        int cpAt = 0;
        for (Candidate c : kept) {
            // candidates are in text order and disjoint: convert offsets in one pass over the text
            int start = cpAt + text.codePointCount(charAt, c.start());
            int end = start + text.codePointCount(c.start(), c.end());
            charAt = c.end();
            cpAt = end;
            Found f = c.found();
            out.add(new Timex3("t" + n++, doc.span(start, end), f.type(), f.value(), f.mod(), null, f.quant(),
                    f.freq()));
        }
        return out;
    }

    private static Rule rule(String regex, Normaliser n) {
        return new Rule(Pattern.compile("(?<![\\p{L}\\p{N}])" + regex + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE), n);
    }

    // ---- normalisers ------------------------------------------------------------------------------------

    private Found monthName(Matcher m, Anchor a, String text) {
        int month = month(m);
        String rel = lower(m.group("rel"));
        String part = m.group("part");
        if (month == 5 && m.group("year") == null && part == null && rel == null
                && !MONTH_SIGNAL.matcher(text.substring(Math.max(0, m.start() - 20), m.start())).find()) {
            return null; // "May" the modal verb
        }
        String year;
        if (m.group("year") != null) {
            year = m.group("year");
        } else if (a.date() == null) {
            year = "XXXX";
        } else if ("last".equals(rel)) {
            int y = a.date().getYear() - (month >= a.date().getMonthValue() ? 1 : 0);
            year = four(y);
        } else if ("next".equals(rel)) {
            int y = a.date().getYear() + (month <= a.date().getMonthValue() ? 1 : 0);
            year = four(y);
        } else if ("this".equals(rel) || month <= a.date().getMonthValue() || futureContext(text, m.start())) {
            year = four(a.date().getYear());
        } else {
            year = four(a.date().getYear() - 1); // a later month in a past-tense report is last year's
        }
        return new Found(TimexType.DATE, year + "-" + two(month), mod(part));
    }

    private Found relativeUnit(Matcher m, Anchor a, String text) {
        String rel = m.group("rel") == null || m.group("rel").isEmpty() ? "this"
                : lower(m.group("rel")).replaceAll("\\s+", " ");
        String unit = lower(m.group("unit"));
        String part = m.group("part");
        if (rel.equals("the") && part == null) {
            return null; // "the year" on its own is not anchored
        }
        if (rel.equals("the past") || rel.equals("the coming") || rel.equals("the next") || rel.equals("past")
                || rel.equals("coming") || rel.equals("the following")) {
            String code = unitCode(unit);
            return code == null ? null : new Found(TimexType.DURATION, duration("1", code), null);
        }
        int delta = switch (rel) {
            case "last", "the last", "the previous", "previous" -> -1;
            case "next" -> 1;
            default -> 0;
        };
        String mod = mod(part);
        String value = switch (unit) {
            case "week" -> a.week(delta);
            case "weekend" -> a.week(delta) + "-WE";
            case "month" -> a.month(delta);
            case "quarter" -> a.date() == null ? "XXXX-QX"
                    : four(a.date().plusMonths(3L * delta).getYear()) + "-Q"
                    + a.date().plusMonths(3L * delta).get(IsoFields.QUARTER_OF_YEAR);
            case "decade" -> a.date() == null ? "XXX" : four(a.date().getYear() + 10 * delta).substring(0, 3);
            case "century" -> a.date() == null ? "XX" : four(a.date().getYear() + 100 * delta).substring(0, 2);
            case "year" -> a.year(delta);
            default -> a.year(delta) + "-" + season(unit);
        };
        return new Found(TimexType.DATE, value, mod);
    }

    private Found dayWord(Matcher m, Anchor a, String text) {
        String word = lower(m.group("word"));
        String tod = m.group("tod");
        if (word.equals("tonight")) {
            return new Found(TimexType.TIME, a.day(0) + "TNI", null);
        }
        int delta = switch (word) {
            case "yesterday" -> -1;
            case "tomorrow" -> 1;
            default -> 0;
        };
        String date = word.equals("today") && a.date() == null ? "PRESENT_REF" : a.day(delta);
        if (tod != null && !date.equals("PRESENT_REF")) {
            return new Found(TimexType.TIME, date + "T" + timeOfDay(tod), null);
        }
        return new Found(TimexType.DATE, date, null);
    }

    private Found weekday(Matcher m, Anchor a, String text) {
        DayOfWeek day = DayOfWeek.valueOf(m.group("weekday").toUpperCase(Locale.ROOT));
        String rel = lower(m.group("rel"));
        String date;
        if (a.date() == null) {
            date = "XXXX-WXX-" + day.getValue();
        } else if ("next".equals(rel) || rel == null && futureContext(text, m.start())) {
            date = a.date().with(TemporalAdjusters.nextOrSame(day)).toString();
        } else if ("last".equals(rel)) {
            date = a.date().with(TemporalAdjusters.previous(day)).toString();
        } else {
            date = a.date().with(TemporalAdjusters.previousOrSame(day)).toString();
        }
        String tod = m.group("tod");
        return tod == null ? new Found(TimexType.DATE, date, null)
                : new Found(TimexType.TIME, date + "T" + timeOfDay(tod), null);
    }

    private Found duration(Matcher m, Anchor a, String text) {
        String num = number(m.group("num"));
        String unit = lower(m.group("unit"));
        String code = unitCode(unit);
        if (code.equals("TS") && !Character.isDigit(m.group("num").charAt(0))) {
            return null; // "a second term" is an ordinal
        }
        if (m.group("ago") != null) {
            if (num.equals("X")) {
                return new Found(TimexType.DATE, "PAST_REF", null);
            }
            int n = (int) Math.round(Double.parseDouble(num));
            return new Found(TimexType.DATE, a.shift(code, -n), null);
        }
        String value = duration(num, code);
        String approx = m.group("approx") == null ? null : lower(m.group("approx")).replaceAll("\\s+", " ");
        String mod = approx == null ? null : switch (approx) {
            case "almost", "nearly", "less than", "up to" -> "LESS_THAN";
            case "more than" -> "MORE_THAN";
            case "at least" -> "EQUAL_OR_MORE";
            default -> "APPROX";
        };
        return new Found(TimexType.DURATION, value, mod);
    }

    private Found set(Matcher m, Anchor a, String text) {
        String unit = lower(m.group("unit"));
        String every = lower(m.group("every"));
        String n = every == null ? "1" : every.equals("other") ? "2" : number(every);
        String value = switch (unit) {
            case "morning", "afternoon", "evening", "night" -> "XXXX-XX-XXT" + timeOfDay(unit);
            case "weekend" -> "XXXX-WXX-WE";
            default -> duration(n, unitCode(unit));
        };
        return new Found(TimexType.SET, value, null, lower(m.group("quant")).toUpperCase(Locale.ROOT), null);
    }

    private Found clock(Matcher m, Anchor a, String text) {
        int hour = Integer.parseInt(m.group("hour"));
        boolean pm = lower(m.group("ampm")).startsWith("p");
        if (pm && hour < 12) {
            hour += 12;
        } else if (!pm && hour == 12) {
            hour = 0;
        }
        String minute = m.group("minute") == null ? "00" : m.group("minute");
        return new Found(TimexType.TIME, a.day(0) + "T" + two(hour) + ":" + minute, null);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static int month(Matcher m) {
        String name = m.group("month").toLowerCase(Locale.ROOT);
        return MONTHS.indexOf(name.substring(0, 3)) + 1;
    }

    private static String mod(String part) {
        if (part == null) {
            return null;
        }
        String p = part.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (p.startsWith("early") || p.contains("beginning") || p.contains("start") || p.contains("first half")) {
            return "START";
        }
        if (p.startsWith("mid") || p.contains("middle")) {
            return "MID";
        }
        return "END";
    }

    private static String reference(String ref) {
        String r = ref.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (r) {
            case "recently", "lately", "the past" -> "PAST_REF";
            case "the future" -> "FUTURE_REF";
            default -> "PRESENT_REF";
        };
    }

    private static String number(String raw) {
        String n = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (n.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return n.endsWith(".0") ? n.substring(0, n.length() - 2) : n;
        }
        if (NUMBER_WORDS.containsKey(n)) {
            return Integer.toString(NUMBER_WORDS.get(n));
        }
        int dash = n.indexOf('-');
        if (dash > 0 && NUMBER_WORDS.containsKey(n.substring(0, dash)) && NUMBER_WORDS.containsKey(n.substring(dash + 1))) {
            return Integer.toString(NUMBER_WORDS.get(n.substring(0, dash)) + NUMBER_WORDS.get(n.substring(dash + 1)));
        }
        return "X";
    }

    /** TIMEX3 unit letter for a unit word: Y, M, W, D, H, MIN (as "TM"), S, DE, CE. */
    private static String unitCode(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("year")) {
            return "Y";
        } else if (u.startsWith("month")) {
            return "M";
        } else if (u.startsWith("week")) {
            return "W";
        } else if (u.startsWith("day")) {
            return "D";
        } else if (u.startsWith("hour")) {
            return "TH";
        } else if (u.startsWith("minute")) {
            return "TM";
        } else if (u.startsWith("second")) {
            return "TS";
        } else if (u.startsWith("decade")) {
            return "DE";
        } else if (u.startsWith("centur")) {
            return "CE";
        }
        return null;
    }

    /** {@code P3Y}, {@code PT2H}, {@code PXW}; decades and centuries of a known count in years. */
    private static String duration(String n, String code) {
        if (code.equals("DE") && !n.equals("X")) {
            return "P" + (int) Math.round(Double.parseDouble(n) * 10) + "Y";
        }
        if (code.equals("CE") && !n.equals("X")) {
            return "P" + (int) Math.round(Double.parseDouble(n) * 100) + "Y";
        }
        return code.startsWith("T") ? "PT" + n + code.substring(1) : "P" + n + code;
    }

    private static String times(String raw) {
        String t = raw.toLowerCase(Locale.ROOT);
        if (t.equals("once")) {
            return "1X";
        } else if (t.equals("twice")) {
            return "2X";
        }
        return number(t.replaceAll("\\s+times$", "")) + "X";
    }

    private static String timeOfDay(String tod) {
        return switch (tod.toLowerCase(Locale.ROOT)) {
            case "morning" -> "MO";
            case "afternoon" -> "AF";
            case "evening" -> "EV";
            default -> "NI";
        };
    }

    private static String season(String s) {
        return switch (s) {
            case "spring" -> "SP";
            case "summer" -> "SU";
            case "winter" -> "WI";
            default -> "FA";
        };
    }

    /** A preposition just before "May" that makes it the month, not the modal verb. */
    private static final Pattern MONTH_SIGNAL = Pattern.compile("(?i)\\b(?:in|of|since|until|by|during|from|to|before"
            + "|after|through)\\s+(?:(?:early|late|mid)[\\s-]+)?$");

    private static final Pattern FUTURE_CUE = Pattern.compile("(?i)\\b(?:will|'ll|shall|next|plans?|planned|expected"
            + "|scheduled|due|set\\s+to|going\\s+to|upcoming)\\b");

    /** Whether the sentence before {@code at} speaks of the future, so that a bare month or day lies ahead. */
    private static boolean futureContext(String text, int at) {
        int from = at;
        while (from > 0 && at - from < 120 && ".!?\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        return FUTURE_CUE.matcher(text.substring(from, at)).find();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    private static String four(int n) {
        return String.format(Locale.ROOT, "%04d", n);
    }

    /** The creation date, if any; every method answers an underspecified value without one. */
    private record Anchor(LocalDate date) {

        String year(int delta) {
            return date == null ? "XXXX" : four(date.getYear() + delta);
        }

        /** The year for a month named without one: given, the creation year, or XXXX. */
        String year(String given) {
            return given != null ? given : year(0);
        }

        String month(int delta) {
            return date == null ? "XXXX-XX" : YearMonth.from(date).plusMonths(delta).toString();
        }

        String day(int delta) {
            return date == null ? "XXXX-XX-XX" : date.plusDays(delta).toString();
        }

        String week(int delta) {
            if (date == null) {
                return "XXXX-WXX";
            }
            LocalDate d = date.plusWeeks(delta);
            return four(d.get(IsoFields.WEEK_BASED_YEAR)) + "-W" + two(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        /** The date {@code n} units from the creation date, at that unit's granularity. */
        String shift(String code, int n) {
            if (date == null) {
                return switch (code) {
                    case "Y" -> "XXXX";
                    case "M" -> "XXXX-XX";
                    case "W" -> "XXXX-WXX";
                    default -> "XXXX-XX-XX";
                };
            }
            return switch (code) {
                case "Y" -> year(n);
                case "M" -> month(n);
                case "W" -> week(n);
                case "D" -> day(n);
                case "DE" -> four(date.getYear() + 10 * n).substring(0, 3);
                default -> date.toString();
            };
        }
    }
}
