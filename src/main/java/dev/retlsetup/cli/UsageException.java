package dev.retlsetup.cli;

/** Wrong command-line arguments: reported with the usage text and exit code 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
