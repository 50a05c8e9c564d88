package io.warren.server.cli;

/**
 * The management API answered with an error status (a redirect, {@code 4xx}, {@code 5xx}) or with a body that is
 * not JSON. {@link WarrenCtl} prints it as one line, {@code 404 Object Not Found: no queue 'x' in vhost '/'}, and
 * exits with status 1.
 */
final class ServerErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status
     * @param error  the {@code error} field of the body, or a standard phrase for the status when it has none
     * @param reason the {@code reason} field of the body (it names the object), or the start of a body that is not
     *               JSON; may be empty
     */
    ServerErrorException(int status, String error, String reason) {
        super(reason.isEmpty() ? status + " " + error : status + " " + error + ": " + reason);
        this.status = status;
    }

    int status() {
        return status;
    }
}
