package dev.retlsetup.cli;

import java.util.List;

/** One subcommand of the command line. Implementations never touch JavaFX. */
public interface Command {
    String name();

    /** One line for the usage text. */
    String summary();

    /** Full usage of this command, shown by {@code <command> --help} and on usage errors. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit code (0 success, 1 a failed result, 2 a usage error)
     * @throws UsageException when the arguments are wrong; the caller prints the usage and exits 2
     */
    int run(List<String> args, CliContext context) throws UsageException;
}
