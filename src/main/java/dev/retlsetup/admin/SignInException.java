package dev.retlsetup.admin;

/** Why an admin sign-in did not produce a token; the message is for the user and holds no secret. */
public final class SignInException extends Exception {
    /** What went wrong, for callers that react differently (a cancelled sign-in is not an error to show). */
    public enum Reason { CANCELLED, TIMED_OUT, DENIED, STATE_MISMATCH, NO_FREE_PORT, DISCOVERY_FAILED, EXCHANGE_FAILED }

    private final Reason reason;

    public SignInException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
