package dev.retlsetup.admin;

import java.util.List;
import java.util.Set;

/**
 * What an admin would change to make a failed test pass: only the missing grants, CAN USE on the
 * warehouse and the SQL entitlement, in order. Nothing is applied until {@link #confirm()}.
 *
 * @param steps        the exact statements and API calls
 * @param notFixable   failures no step here can fix, each with what to do instead
 * @param retestChecks the ids of the failed checks, re-run as the service principal after applying
 * @param principalMissing the test's client ID names no service principal: setting it up from scratch is the fix
 */
public record FixPlan(List<FixStep> steps, List<String> notFixable, Set<String> retestChecks,
        boolean principalMissing) {
    /** A plan whose principal exists. */
    public FixPlan(List<FixStep> steps, List<String> notFixable, Set<String> retestChecks) {
        this(steps, notFixable, retestChecks, false);
    }

    public FixPlan {
        steps = List.copyOf(steps);
        notFixable = List.copyOf(notFixable);
        retestChecks = Set.copyOf(retestChecks);
    }

    /** Nothing the admin can add is missing. */
    public boolean nothingToApply() {
        return steps.isEmpty();
    }

    /** The explicit go-ahead: only a confirmed plan can be applied. */
    public Confirmed confirm() {
        return new Confirmed(this);
    }

    /** A plan the user has confirmed, as shown. */
    public static final class Confirmed {
        private final FixPlan plan;

        private Confirmed(FixPlan plan) {
            this.plan = plan;
        }

        public FixPlan plan() {
            return plan;
        }
    }
}
