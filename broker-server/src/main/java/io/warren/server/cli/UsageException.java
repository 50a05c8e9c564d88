package io.warren.server.cli;

/**
 * The command line is wrong (unknown command or option, missing or malformed value) or names a local file that
 * cannot be read or written; {@link WarrenCtl} prints the message and the usage line of the command and exits
 * with status 2. The message never contains the value of {@code --password}.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
