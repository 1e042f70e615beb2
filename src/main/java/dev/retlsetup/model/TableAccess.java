package dev.retlsetup.model;

import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Remediation;

/**
 * Whether the service principal can read one table or view the model reads.
 *
 * @param category    why not, null when readable or not probed
 * @param remediation every GRANT it needs, null when readable or not probed
 * @param detail      what the warehouse said (secrets masked), null when readable
 */
public record TableAccess(TableName name, boolean readable, Category category, Remediation remediation, String detail) {
}
