package dev.retlsetup;

import dev.retlsetup.cli.Cli;
import dev.retlsetup.i18n.Messages;

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
            if (!Display.available(System.getenv(), System.getProperty("os.name"), System.getProperty("glass.platform"))) {
                System.err.println(Messages.UI.text("launch.noDisplay"));
                System.exit(1);
            }
            if (AotTraining.requested()) {
                AotTraining.runDemoTest();
            }
            try {
                // JavaFX classes are linked only when this line runs, so the CLI never loads them.
                dev.retlsetup.ui.WizardLauncher.launch(args);
            } catch (RuntimeException | LinkageError e) {
                // A display that cannot be opened (a stale DISPLAY, no graphics libraries): one sentence, no trace.
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                System.err.println(Messages.UI.text("launch.failed", reason));
                System.exit(1);
            }
            return;
        }
        int code = new Cli(System.out, System.err, System.getenv()).run(args);
        System.exit(code);
    }
}
