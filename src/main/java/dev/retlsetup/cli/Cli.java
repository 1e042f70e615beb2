package dev.retlsetup.cli;

import dev.retlsetup.BuildInfo;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The command-line mode: {@code retl-setup <command> [options]}. Never starts JavaFX. */
public final class Cli {
    static final int OK = 0;
    static final int USAGE = 2;

    private final CliContext context;
    private final List<Command> commands;

    public Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this(new CliContext(out, err, System.in, env));
    }

    public Cli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        this(new CliContext(out, err, in, env));
    }

    /** With a given context (tests inject secret stores). */
    Cli(CliContext context) {
        this.context = context;
        // Register new subcommands here; each one documents itself through summary()/usage().
        this.commands = List.of(new ValidateCommand(), new TestCommand(), new ModelCommand(), new FixCommand(),
                new SetupCommand(), new ExplainCommand(),
                new DemoWorkspaceCommand());
    }

    List<Command> commands() {
        return commands;
    }

    public int run(String[] args) {
        if (args.length == 0) {
            context.err().print(usage());
            return USAGE;
        }
        String first = args[0];
        switch (first) {
            case "--help", "-h", "help" -> {
                context.out().print(usage());
                return OK;
            }
            case "--version", "-V" -> {
                context.out().println("retl-setup " + BuildInfo.version());
                return OK;
            }
            default -> {
                // handled below
            }
        }
        Command command = commands.stream().filter(c -> c.name().equals(first)).findFirst().orElse(null);
        if (command == null) {
            List<String> known = new java.util.ArrayList<>(commands.stream().map(Command::name).toList());
            known.addAll(List.of("--help", "--version"));
            context.err().println("retl-setup: unknown argument '" + first + "'" + Suggestions.didYouMean(first, known));
            context.err().println();
            context.err().print(usage());
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            context.out().print(command.usage());
            return OK;
        }
        try {
            return command.run(rest, context);
        } catch (UsageException e) {
            context.err().println("retl-setup " + command.name() + ": " + e.getMessage());
            if (UsageErrorJson.wanted(rest)) {
                context.out().println(UsageErrorJson.of("usage", e.getMessage(), USAGE));
            } else {
                context.err().println();
                context.err().print(command.usage());
            }
            return USAGE;
        }
    }

    String usage() {
        StringBuilder text = new StringBuilder();
        text.append(BuildInfo.name()).append(' ').append(BuildInfo.version()).append('\n');
        text.append("Connects Databricks as a Reverse ETL source and proves the connection works.\n\n");
        text.append("Usage:\n");
        text.append("  java -jar retl-setup.jar                 open the setup wizard\n");
        text.append("  java -jar retl-setup.jar <command> [options]\n\n");
        if (!commands.isEmpty()) {
            text.append("Commands:\n");
            for (Command command : commands) {
                text.append(String.format("  %-16s %s%n", command.name(), command.summary()));
            }
            text.append('\n');
        }
        text.append("Options:\n");
        text.append("  --help           show this text (or a command's help: <command> --help)\n");
        text.append("  --version        print the version\n\n");
        text.append("Exit codes: 0 success, 1 the check found a problem, 2 wrong arguments.\n");
        return text.toString();
    }
}
