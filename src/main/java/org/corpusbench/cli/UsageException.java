package org.corpusbench.cli;

/** A command line that names a missing file, a wrong option combination or similar: exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
