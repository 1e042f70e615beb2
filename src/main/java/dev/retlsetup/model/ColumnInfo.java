package dev.retlsetup.model;

/** A column of the model's result, with the type the warehouse reports ({@code bigint}, {@code string}...). */
public record ColumnInfo(String name, String type) {
}
