package org.corpusbench.schema;

import org.corpusbench.diagnostic.Diagnostic;
import java.util.regex.Pattern;
import org.corpusbench.model.TimexType;

/**
 * The syntax of TIMEX3 {@code value}s as TimeML 1.2.1 defines them, with {@code X} for unknown digits
 * (corpusbench writes years a document does not state as {@code XXXX}).
 */
public final class TimexValues {

    private static final String YEAR = "(?:[0-9]{4}|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX|XXXX)";
    private static final String MONTH = "(?:0[1-9]|1[0-2]|XX)";
    private static final String DAY = "(?:0[1-9]|[12][0-9]|3[01]|XX)";
    private static final String WEEK = "(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)";
    private static final String DATE = YEAR + "(?:-" + MONTH + "(?:-" + DAY + ")?"
            + "|-W" + WEEK + "(?:-WE|-[1-7])?"
            + "|-(?:SP|SU|FA|WI)|-Q[1-4X]|-H[12X])?"
            + "|[0-9]{1,2}|[0-9]{1,2}X|[0-9]XX";
    private static final String CLOCK = "T(?:(?:[01][0-9]|2[0-4]|XX)(?::(?:[0-5][0-9]|XX)(?::(?:[0-5][0-9]|XX)(?:\\.[0-9]+)?)?)?"
            + "|MO|MI|AF|EV|NI|DT)";
    private static final String REF = "(?:PAST_REF|PRESENT_REF|FUTURE_REF)";
    private static final String NUM = "(?:[0-9]+(?:\\.[0-9]+)?|X)";
    private static final String DURATION = "P(?:(?:" + NUM + "(?:Y|M|W|D|DE|CE|ML|Q|H|WE|SP|SU|FA|WI))+"
            + "(?:T(?:" + NUM + "[HMS])+)?|T(?:" + NUM + "(?:H|M|S|MO|MI|AF|EV|NI|DT))+)";

    private static final Pattern DATE_VALUE = Pattern.compile("(?:" + DATE + ")|" + REF);
    private static final Pattern TIME_VALUE = Pattern.compile("(?:" + DATE + ")?" + CLOCK + "|" + REF);
    private static final Pattern DURATION_VALUE = Pattern.compile(DURATION);
    private static final Pattern SET_VALUE = Pattern.compile("(?:" + DATE + ")(?:" + CLOCK + ")?|" + DURATION
            + "|" + CLOCK);

    private TimexValues() {
    }

    /** Whether {@code value} is a syntactically valid value for a TIMEX3 of {@code type}. */
    public static boolean isValid(TimexType type, String value) {
        Pattern p = switch (type) {
            case DATE -> DATE_VALUE;
            case TIME -> TIME_VALUE;
            case DURATION -> DURATION_VALUE;
            case SET -> SET_VALUE;
        };
        return p.matcher(value).matches();
    }

    /**
     * What the validator says of {@code value} on a TIMEX3 of {@code type}: nothing when it fits; an error
     * when it is no TIMEX3 value at all; a note when it is a value of another type (TempEval-3's platinum
     * gold has DATEs valued P5Y and DURATIONs valued 2008: real corpora are kept as they are, and scorers
     * compare the value strings).
     */
    public static Diagnostic check(TimexType type, String value, org.corpusbench.diagnostic.Location at, String field) {
        if (isValid(type, value)) {
            return null;
        }
        for (TimexType other : TimexType.values()) {
            if (other != type && isValid(other, value)) {
                return Diagnostic.note(at, field + ": '" + value + "' is a TIMEX3 " + other + " value on a TIMEX3 of "
                        + "type " + type + "; kept as it is (scorers compare values as written)");
            }
        }
        return Diagnostic.error(at, field, "'" + value + "' is not a valid TIMEX3 " + type + " value; expected "
                + expected(type));
    }

    /** What a value of {@code type} looks like, for error messages. */
    public static String expected(TimexType type) {
        return switch (type) {
            case DATE -> "a date such as 2024-11-10, XXXX-12-06, XXXX-12, 2024-W45, 2024-Q4 or PAST_REF";
            case TIME -> "a time such as 2024-11-10T14:30, XXXX-XX-XXTMO or PRESENT_REF";
            case DURATION -> "a duration such as P32Y, P3M, PXW or PT2H";
            case SET -> "a set value such as XXXX-XX-XXTMO, P1W or XXXX-WXX-1";
        };
    }
}
