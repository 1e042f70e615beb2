package dev.retlsetup.check;

import dev.retlsetup.source.Field;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** One step of the connection test. Checks run in order; each says what it depends on. */
public interface Check {
    String id();

    String title();

    /** Checks that must have passed (or warned) for this one to run; otherwise it is skipped. */
    List<String> requires();

    /**
     * Checks that must have completed (whatever their result) before this one starts; by default its
     * {@link #requires()}. Anything not listed may run at the same time.
     */
    default List<String> waitsFor() {
        return requires();
    }

    /**
     * Whether it runs statements on the session: such checks go one after another, in plan order,
     * when the run does not overlap statements ({@link ConnectionTestRun#overlapsStatements()}).
     */
    default boolean runsStatements() {
        return false;
    }

    /** Settings that must be valid for this check to mean anything. */
    Set<Field> needs();

    Duration timeout();

    Outcome run(ConnectionTestRun session) throws Exception;
}
