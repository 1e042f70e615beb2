package dev.retlsetup.demo;

import java.sql.Connection;
import java.sql.Types;
import org.h2.api.AggregateFunction;

/** Spark's {@code count_if(condition)}: the number of rows where the condition is true (NULL counts as false). */
public final class CountIf implements AggregateFunction {
    private long count;

    @Override
    public void init(Connection connection) {
        count = 0;
    }

    @Override
    public int getType(int[] inputTypes) {
        return Types.BIGINT;
    }

    @Override
    public void add(Object value) {
        if (Boolean.TRUE.equals(value)) {
            count++;
        }
    }

    @Override
    public Object getResult() {
        return count;
    }
}
