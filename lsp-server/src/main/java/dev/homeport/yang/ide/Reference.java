package dev.homeport.yang.ide;

/** One place a symbol is named; {@code declaration} marks the place that defines it. */
public record Reference(Location location, boolean declaration) {
}
