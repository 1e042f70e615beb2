package dev.retlsetup.model;

/** One statement the checks ran on the warehouse and how long it took there, round trip included. */
public record StatementTiming(String check, String sql, long millis, boolean succeeded) {
}
