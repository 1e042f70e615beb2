package dev.retlsetup.check;

import dev.retlsetup.source.Field;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Id, title, dependencies and time limit of a check, declared once in its constructor. */
abstract class BaseCheck implements Check {
    private final String id;
    private final String title;
    private final List<String> requires;
    private final Set<Field> needs;
    private final Duration timeout;

    BaseCheck(String id, String title, List<String> requires, Set<Field> needs, Duration timeout) {
        this.id = id;
        this.title = title;
        this.requires = requires;
        this.needs = needs;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> requires() {
        return requires;
    }

    @Override
    public Set<Field> needs() {
        return needs;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return id;
    }
}
