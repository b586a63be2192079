package dev.homeport.netconf.message;

import java.util.Arrays;
import java.util.Optional;

/** RFC 6243 retrieval modes. */
public enum WithDefaultsMode {
    REPORT_ALL("report-all"),
    REPORT_ALL_TAGGED("report-all-tagged"),
    TRIM("trim"),
    EXPLICIT("explicit");

    private final String keyword;

    WithDefaultsMode(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Optional<WithDefaultsMode> fromKeyword(String s) {
        return Arrays.stream(values()).filter(m -> m.keyword.equals(s.strip())).findFirst();
    }
}
