package org.corpusbench.model;

/** The TIMEX3 {@code type} attribute of TimeML. */
public enum TimexType {
    /** A calendar date or period named as one: a day, a month, a season, a year. */
    DATE,
    /** A time of day, with or without its date. */
    TIME,
    /** A length of time ({@code P3D}), not placed on the calendar. */
    DURATION,
    /** A recurring time: every Monday, twice a year. */
    SET
}
