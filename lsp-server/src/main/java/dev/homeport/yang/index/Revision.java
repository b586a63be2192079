package dev.homeport.yang.index;

import java.util.regex.Pattern;

/** A YANG revision date, {@code YYYY-MM-DD}; ordered by date (which is the order of the text). */
public record Revision(String date) implements Comparable<Revision> {
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public Revision {
        if (date == null || !FORMAT.matcher(date).matches()) {
            throw new IllegalArgumentException("not a revision date (YYYY-MM-DD): " + date);
        }
    }

    /** The revision for {@code text}, or null when it is not a date of the form YYYY-MM-DD. */
    public static Revision parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? new Revision(text) : null;
    }

    @Override
    public int compareTo(Revision o) {
        return date.compareTo(o.date);
    }

    @Override
    public String toString() {
        return date;
    }
}
