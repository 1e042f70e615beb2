package dev.retlsetup;

import dev.retlsetup.cli.Cli;

/**
 * Entry point of {@code retl-setup.jar}. With no arguments it opens the wizard; with arguments it
 * runs the command line without ever touching JavaFX. Deliberately not an {@code Application}
 * subclass: {@code java -jar} with JavaFX on the class path refuses to launch those directly.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            if (AotTraining.requested()) {
                AotTraining.runDemoTest();
            }
            // JavaFX classes are linked only when this line runs, so the CLI never loads them.
            dev.retlsetup.ui.WizardLauncher.launch(args);
            return;
        }
        int code = new Cli(System.out, System.err, System.getenv()).run(args);
        System.exit(code);
    }
}
