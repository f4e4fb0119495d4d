package org.corpusbench.model;

/** What two pieces of evidence disagree about. */
public enum ContradictionType {
    /** One thing named inconsistently (a person's first name, a product's spelling). */
    NAME,
    /** A person given incompatible offices or titles. */
    ROLE,
    /** Incompatible dates or order of events. */
    TEMPORAL,
    /** Incompatible numbers or lists (counts, memberships). */
    QUANTITY,
    /** Incompatible statements of fact. */
    FACT,
    /** The same statement credited to different sources. */
    ATTRIBUTION,
    /** The same claim stated as certain in one place and as doubtful in another. */
    MODALITY
}
