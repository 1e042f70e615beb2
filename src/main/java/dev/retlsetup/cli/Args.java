package dev.retlsetup.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --option value} / {@code --option=value} / {@code --flag} arguments. Anything not
 * declared is a usage error, so a typo never silently changes what a command does. A separate value never starts
 * with {@code --} (that is the next option); such a value is written {@code --option=--value}.
 */
public final class Args {
    private final Map<String, String> values;
    private final Set<String> flags;

    private Args(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    public static Args parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (valueOptions.contains(name)) {
                String value = inline;
                if (value == null) {
                    // "--host --json" is a missing value, not the host "--json": a value that starts with "--"
                    // must be written "--host=--x".
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(name + " needs a value" + (i + 1 >= args.size() ? ""
                                : " (a value starting with \"--\" is written " + name + "=--...)"));
                    }
                    value = args.get(++i);
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(name + " is given twice");
                }
            } else if (flagOptions.contains(name) && inline == null) {
                flags.add(name);
            } else if (flagOptions.contains(name)) {
                throw new UsageException(name + " takes no value");
            } else {
                throw new UsageException(unknown(arg, valueOptions, flagOptions));
            }
        }
        return new Args(values, Set.copyOf(flags));
    }

    /** "unknown option --hots; did you mean --host?" over every option of the command. */
    private static String unknown(String arg, Set<String> valueOptions, Set<String> flagOptions) {
        List<String> known = new ArrayList<>(new java.util.TreeSet<>(valueOptions));
        known.addAll(new java.util.TreeSet<>(flagOptions));
        String what = arg.startsWith("-") ? "unknown option " : "unknown argument ";
        return what + arg + Suggestions.didYouMean(arg, known);
    }

    public String value(String option) {
        return values.get(option);
    }

    /**
     * A time limit in whole seconds, 1 to 3600; {@code fallback} when the option is not given.
     *
     * @throws UsageException when the value is not such a number
     */
    public java.time.Duration seconds(String option, java.time.Duration fallback) throws UsageException {
        String value = value(option);
        if (value == null) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= 1 && seconds <= 3600) {
                return java.time.Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(option + " must be a number of seconds between 1 and 3600");
    }

    public boolean has(String option) {
        return values.containsKey(option) || flags.contains(option);
    }

    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }
}
