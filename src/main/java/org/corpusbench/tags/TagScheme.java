package org.corpusbench.tags;

import java.util.Locale;

/**
 * Chunk tagging schemes. Each defines, for strict decoding, which prefixes it allows and when a token
 * starts, continues or ends a chunk given the previous token (the rules seqeval's strict mode applies,
 * restated here as prefix/type conditions). The rules only ask whether two types are the same, so that
 * {@link Chunker} (strings) and {@link IdChunker} (type numbers) decode by the one table.
 */
public enum TagScheme {
    /** I- inside chunks; B- only on the first token of a chunk that directly follows one of its type. */
    IOB1("IOB"),
    /** B- on the first token of every chunk, I- on the others. */
    IOB2("IOB"),
    /** I- inside chunks; E- only on the last token of a chunk directly followed by one of its type. */
    IOE1("IOE"),
    /** E- on the last token of every chunk, I- on the others. */
    IOE2("IOE"),
    /** B-, I- and E- on the first, inner and last token of a longer chunk, S- on a chunk of one token. */
    IOBES("IOBES"),
    /** IOBES with other letters: L- (last) where IOBES has E-, U- (unit) where it has S-. */
    BILOU("BILOU");

    private final String allowed;

    TagScheme(String allowed) {
        this.allowed = allowed;
    }

    /** Parses a scheme name case-insensitively ({@code iob2}, {@code BIOES} as IOBES); null if unknown. */
    public static TagScheme parse(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        if (u.equals("BIOES")) {
            return IOBES;
        }
        for (TagScheme t : values()) {
            if (t.name().equals(u)) {
                return t;
            }
        }
        return null;
    }

    boolean allows(char prefix) {
        return allowed.indexOf(prefix) >= 0;
    }

    /** Whether token (cp, ct) starts a chunk after (pp, pt); {@code same}: whether ct is pt's type. */
    boolean starts(char pp, char cp, boolean same) {
        return switch (this) {
            case IOB1 -> pp == 'O' && cp == 'I' || pp == 'I' && cp == 'I' && !same || pp == 'B' && cp == 'I'
                    || pp == 'I' && cp == 'B' && same || pp == 'B' && cp == 'B' && same;
            case IOE1 -> pp == 'O' && cp == 'I' || pp == 'I' && cp == 'I' && !same || pp == 'E' && cp == 'I'
                    || pp == 'E' && cp == 'E' && same;
            case IOB2 -> cp == 'B';
            case IOE2 -> pp == 'O' && (cp == 'I' || cp == 'E') || pp == 'E' && (cp == 'I' || cp == 'E')
                    || pp == 'I' && (cp == 'I' || cp == 'E') && !same;
            case IOBES -> cp == 'B' || cp == 'S';
            case BILOU -> cp == 'B' || cp == 'U';
        };
    }

    /** Whether token (cp, ct) continues the chunk that (pp, pt) is in; {@code same}: whether ct is pt's type. */
    boolean continues(char pp, char cp, boolean same) {
        if (!same) {
            return false;
        }
        return switch (this) {
            case IOB1, IOB2 -> (pp == 'B' || pp == 'I') && cp == 'I';
            case IOE1, IOE2 -> pp == 'I' && (cp == 'I' || cp == 'E');
            case IOBES -> (pp == 'B' || pp == 'I') && (cp == 'I' || cp == 'E');
            case BILOU -> (pp == 'B' || pp == 'I') && (cp == 'I' || cp == 'L');
        };
    }

    /**
     * Whether a chunk whose last token is (pp, pt) is properly closed by the next token (cp, ct); {@code same}:
     * whether ct is pt's type.
     */
    boolean ends(char pp, char cp, boolean same) {
        return switch (this) {
            case IOB1 -> pp == 'I' && cp == 'I' && !same || pp == 'I' && cp == 'O' || pp == 'I' && cp == 'B'
                    || pp == 'B' && cp == 'O' || pp == 'B' && cp == 'I' && !same || pp == 'B' && cp == 'B' && same;
            case IOE1 -> pp == 'I' && cp == 'I' && !same || pp == 'I' && cp == 'O' || pp == 'I' && cp == 'E' && !same
                    || pp == 'E' && cp == 'I' && same || pp == 'E' && cp == 'E' && same;
            case IOB2 -> pp == 'I' && cp == 'O' || pp == 'I' && cp == 'I' && !same || pp == 'I' && cp == 'B'
                    || pp == 'B' && cp == 'O' || pp == 'B' && cp == 'I' && !same || pp == 'B' && cp == 'B';
            case IOE2 -> pp == 'E';
            case IOBES -> pp == 'S' || pp == 'E';
            case BILOU -> pp == 'U' || pp == 'L';
        };
    }
}
