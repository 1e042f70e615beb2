package dev.retlsetup.admin;

/**
 * A workspace API call that did not succeed: the HTTP status (0 when nothing came back) and the
 * message the workspace gave, which never contains the caller's token.
 */
public final class AdminApiException extends Exception {
    private final int status;

    public AdminApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 401/403: the signed-in user may not do this (not an admin, or the token is not valid here). */
    public boolean denied() {
        return status == 401 || status == 403;
    }
}
