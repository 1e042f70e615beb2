package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.Remediation;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Who the warehouse thinks we are: GRANTs must name exactly this principal. */
final class IdentityCheck extends BaseCheck {
    static final String ID = "identity";
    private static final String SQL = "SELECT current_user()";

    IdentityCheck() {
        super(ID, Messages.CHECK.text("check.identity.title"), List.of(SessionCheck.ID), Set.of(), Duration.ofSeconds(30));
    }

    @Override
    public boolean runsStatements() {
        return true;
    }

    @Override
    public Outcome run(ConnectionTestRun session) {
        try {
            List<String> rows = Sql.column(session, SQL);
            String user = rows.isEmpty() ? null : rows.get(0);
            session.principal = user;
            String clientId = session.settings().clientId();
            if (user != null && clientId != null && !user.equalsIgnoreCase(clientId)) {
                return Outcome.warning(Messages.CHECK.text("check.identity.other", user), SQL,
                        Messages.CHECK.text("check.identity.other.explanation", user, clientId),
                        new Remediation(List.of(Messages.CHECK.text("check.identity.other.step", user)), List.of()));
            }
            return Outcome.passed(Messages.CHECK.text("check.identity.passed", user), SQL);
        } catch (SQLException e) {
            return session.failure(this, Messages.CHECK.text("check.identity.failed"), SQL, e);
        }
    }
}
