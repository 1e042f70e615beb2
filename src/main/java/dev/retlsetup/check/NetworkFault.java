package dev.retlsetup.check;

import dev.retlsetup.diagnose.Category;
import dev.retlsetup.i18n.Messages;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A failure that is the network's, not the settings': the workspace refused or dropped the
 * connection after earlier steps had reached it (it went away mid-test), or stopped answering (a
 * read timed out). Recognised from the exception chain before any text classification, because the
 * driver wraps both in texts that read like a sign-in failure ("Failed to refresh credentials").
 */
final class NetworkFault {
    private NetworkFault() {
    }

    /**
     * The verdict for {@code error} raised by {@code check}, when it is a lost connection or a stall.
     *
     * @param waited how long the failed exchange waited for an answer, for "no answer within N s"
     */
    static Optional<Outcome> of(Throwable error, Check check, ConnectionTestRun run, String tried, Duration waited) {
        String target = run.settings().host() + ":" + run.settings().port();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException && !isConnectTimeout(t)) {
                long seconds = Math.max(1, waited.toSeconds());
                return Optional.of(Outcome.failed(Messages.CHECK.text("check.timeout", seconds), tried,
                        ConnectionTester.timeoutCategory(check), Messages.CHECK.text("check.timeout.explanation"), null)
                        .withRaw(text(t)));
            }
            String how = lostHow(t);
            if (how != null) {
                return Optional.of(Outcome.failed(Messages.CHECK.text("check.lost", target, how), tried,
                        Category.NETWORK_UNREACHABLE, Messages.CHECK.text("check.lost.explanation", target), null)
                        .withRaw(text(t)));
            }
        }
        return Optional.empty();
    }

    /** "refused", "reset", "closed": the words for a connection the workspace no longer takes or keeps. */
    private static String lostHow(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || message.contains("connection refused")) {
            return Messages.CHECK.text("check.lost.refused");
        }
        if (t instanceof SocketException && message.contains("reset") || message.contains("connection reset")) {
            return Messages.CHECK.text("check.lost.reset");
        }
        if (t instanceof EOFException || t instanceof SocketException && message.contains("closed")
                || message.contains("remote host terminated") || message.contains("connection closed")
                || message.contains("failed to respond")) {
            return Messages.CHECK.text("check.lost.closed");
        }
        return null;
    }

    private static boolean isConnectTimeout(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("connect timed out");
    }

    private static String text(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
