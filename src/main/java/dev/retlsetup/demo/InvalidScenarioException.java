package dev.retlsetup.demo;

/** A scenario that cannot be used: unreadable, not JSON, or inconsistent. The message says where and why. */
public final class InvalidScenarioException extends IllegalArgumentException {
    public InvalidScenarioException(String message) {
        super(message);
    }

    public InvalidScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
