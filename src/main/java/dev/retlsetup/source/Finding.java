package dev.retlsetup.source;

import dev.retlsetup.i18n.Messages;
import java.util.List;
import java.util.Objects;

/**
 * One problem (or note) about one field, worded for someone who is not an engineer.
 *
 * @param field        the field it is about
 * @param severity     {@link Severity#ERROR} blocks, {@link Severity#WARNING} does not
 * @param message      what is wrong, in plain words; never contains the secret
 * @param suggestedFix what to do about it, or {@code null}
 * @param key          the stable message key ({@code host.accountConsole}, ...), for code and tests; may be
 *                     {@code null} for findings built by hand
 */
public record Finding(Field field, Severity severity, String message, String suggestedFix, String key) {
    public Finding {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public Finding(Field field, Severity severity, String message, String suggestedFix) {
        this(field, severity, message, suggestedFix, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** True when one of {@code findings} is an error. */
    static boolean anyError(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError);
    }

    /** Builds a finding from the message bundle: {@code key} and, when present, {@code key.fix}. */
    static Finding of(Field field, Severity severity, String key, Object... args) {
        Messages messages = Messages.SOURCE;
        return new Finding(field, severity, messages.text(key, args), messages.optional(key + ".fix", args), key);
    }

    static Finding error(Field field, String key, Object... args) {
        return of(field, Severity.ERROR, key, args);
    }

    static Finding warning(Field field, String key, Object... args) {
        return of(field, Severity.WARNING, key, args);
    }
}
