package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final Set<String> VALUES = Set.of("--host", "--catalog");
    private static final Set<String> FLAGS = Set.of("--json");

    @Test
    void anOptionFollowedByAnotherOptionHasNoValue() {
        UsageException e = assertThrows(UsageException.class,
                () -> Args.parse(List.of("--host", "--json"), VALUES, FLAGS));
        assertTrue(e.getMessage().startsWith("--host needs a value"), e.getMessage());
        assertTrue(e.getMessage().contains("--host=--"), "says how to write such a value: " + e.getMessage());
    }

    @Test
    void aValueStartingWithTwoDashesIsWrittenInline() throws UsageException {
        Args args = Args.parse(List.of("--host=--json", "--catalog", "-main", "--json"), VALUES, FLAGS);
        assertEquals("--json", args.value("--host"));
        assertEquals("-main", args.value("--catalog"), "one dash is an ordinary value");
        assertTrue(args.has("--json"));
    }
}
