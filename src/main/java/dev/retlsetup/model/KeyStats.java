package dev.retlsetup.model;

import java.util.List;

/**
 * The unique identifier column over the whole model, counted on the warehouse.
 *
 * @param rows       rows the model returns
 * @param distinct   distinct non-NULL values of the column
 * @param nulls      rows where the column is NULL
 * @param duplicates up to five values that occur more than once, most frequent first
 */
public record KeyStats(String column, long rows, long distinct, long nulls, List<Duplicate> duplicates) {
    /** A value of the identifier and how many rows carry it. */
    public record Duplicate(String value, long count) {
    }

    public KeyStats {
        duplicates = List.copyOf(duplicates);
    }

    /** Every row has its own non-NULL value. */
    public boolean unique() {
        return nulls == 0 && distinct == rows;
    }

    /** Rows that share a value with another row (beyond the first of each value). */
    public long duplicateRows() {
        return rows - nulls - distinct;
    }
}
