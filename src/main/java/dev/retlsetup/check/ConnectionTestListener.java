package dev.retlsetup.check;

import java.util.List;

/**
 * Live progress of a run. Called from the tester's threads (often the worker whose check just ended),
 * one call at a time: each check's start, then its end, in plan order. {@link #progress} comes from
 * the check's own worker. UIs hop to their own thread.
 */
public interface ConnectionTestListener {
    ConnectionTestListener NONE = new ConnectionTestListener() {
    };

    /** The whole plan, before anything runs: ids and titles in order. */
    default void planned(List<Check> checks) {
    }

    default void started(Check check) {
    }

    /** Something worth showing while a long check runs (e.g. "Warehouse STARTING, 12 s"). */
    default void progress(Check check, String message) {
    }

    default void finished(CheckResult result) {
    }
}
