package org.corpusbench.model;

/** The TIMEX3 {@code type} attribute of TimeML. */
public enum TimexType {
    DATE, TIME, DURATION, SET
}
