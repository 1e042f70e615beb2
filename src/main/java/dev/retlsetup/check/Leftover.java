package dev.retlsetup.check;

/**
 * Something the run created that could not be dropped (the workspace went away, the DROP failed or
 * did not answer in time): named, with the statement that removes it, so it is never left silently.
 */
public record Leftover(String name, String dropStatement, String reason) {
}
