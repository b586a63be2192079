package dev.homeport.yang.ide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YANG 1.1 statement grammar an editor needs (RFC 7950 section 14 and the substatement tables of section 7):
 * which sub-statements each statement takes and how often, the fixed argument values of some keywords, and the
 * RFC section that describes each keyword.
 */
final class Grammar {
    private Grammar() {
    }

    /** How often a sub-statement may appear. */
    enum Cardinality {
        OPTIONAL, ONE, MANY, AT_LEAST_ONE;

        boolean single() {
            return this == OPTIONAL || this == ONE;
        }
    }

    private static final String DATA_DEFS = "anydata* anyxml* choice* container* leaf* leaf-list* list* uses*";
    private static final String BODY = DATA_DEFS + " augment* deviation* extension* feature* grouping* identity* "
            + "notification* rpc* typedef* contact? description? organization? reference? revision* import* include* "
            + "yang-version";

    private static final Map<String, Map<String, Cardinality>> SUBSTATEMENTS = new LinkedHashMap<>();

    static {
        put("module", BODY + " namespace prefix");
        put("submodule", BODY + " belongs-to");
        put("import", "description? prefix reference? revision-date?");
        put("include", "description? reference? revision-date?");
        put("revision", "description? reference?");
        put("belongs-to", "prefix");
        put("typedef", "default? description? reference? status? type units?");
        put("type", "base* bit* enum* fraction-digits? length? path? pattern* range? require-instance? type*");
        put("container", DATA_DEFS + " action* config? description? grouping* if-feature* must* notification* "
                + "presence? reference? status? typedef* when?");
        put("must", "description? error-app-tag? error-message? reference?");
        put("when", "description? reference?");
        put("leaf", "config? default? description? if-feature* mandatory? must* reference? status? type units? when?");
        put("leaf-list", "config? default* description? if-feature* max-elements? min-elements? must* ordered-by? "
                + "reference? status? type units? when?");
        put("list", DATA_DEFS + " action* config? description? grouping* if-feature* key? max-elements? "
                + "min-elements? must* notification* ordered-by? reference? status? typedef* unique* when?");
        put("choice", "anydata* anyxml* case* choice* config? container* default? description? if-feature* leaf* "
                + "leaf-list* list* mandatory? reference? status? when?");
        put("case", DATA_DEFS + " description? if-feature* reference? status? when?");
        put("anydata", "config? description? if-feature* mandatory? must* reference? status? when?");
        put("anyxml", "config? description? if-feature* mandatory? must* reference? status? when?");
        put("grouping", DATA_DEFS + " action* description? grouping* notification* reference? status? typedef*");
        put("uses", "augment* description? if-feature* reference? refine* status? when?");
        put("refine", "config? default* description? if-feature* mandatory? max-elements? min-elements? must* "
                + "presence? reference?");
        put("rpc", "description? grouping* if-feature* input? output? reference? status? typedef*");
        put("action", "description? grouping* if-feature* input? output? reference? status? typedef*");
        put("input", DATA_DEFS + " grouping* must* typedef*");
        put("output", DATA_DEFS + " grouping* must* typedef*");
        put("notification", DATA_DEFS + " description? grouping* if-feature* must* reference? status? typedef*");
        put("augment", DATA_DEFS + " action* case* description? if-feature* notification* reference? status? when?");
        put("identity", "base* description? if-feature* reference? status?");
        put("extension", "argument? description? reference? status?");
        put("argument", "yin-element?");
        put("feature", "description? if-feature* reference? status?");
        put("deviation", "description? deviate+ reference?");
        put("deviate", "config? default* mandatory? max-elements? min-elements? must* type? unique* units?");
        put("enum", "description? if-feature* reference? status? value?");
        put("bit", "description? if-feature* position? reference? status?");
        put("range", "description? error-app-tag? error-message? reference?");
        put("length", "description? error-app-tag? error-message? reference?");
        put("pattern", "description? error-app-tag? error-message? modifier? reference?");
    }

    private static void put(String keyword, String spec) {
        Map<String, Cardinality> m = new java.util.TreeMap<>();
        for (String item : spec.trim().split("\\s+")) {
            char last = item.charAt(item.length() - 1);
            Cardinality c = switch (last) {
                case '?' -> Cardinality.OPTIONAL;
                case '*' -> Cardinality.MANY;
                case '+' -> Cardinality.AT_LEAST_ONE;
                default -> Cardinality.ONE;
            };
            m.put(c == Cardinality.ONE ? item : item.substring(0, item.length() - 1), c);
        }
        SUBSTATEMENTS.put(keyword, m);
    }

    /** The sub-statements of {@code keyword} with their cardinality, by name; empty for unknown keywords. */
    static Map<String, Cardinality> substatements(String keyword) {
        return SUBSTATEMENTS.getOrDefault(keyword, Map.of());
    }

    /** The fixed argument values of keywords that have them. */
    static List<String> argumentValues(String keyword) {
        return switch (keyword) {
            case "config", "mandatory", "require-instance", "yin-element" -> List.of("true", "false");
            case "status" -> List.of("current", "deprecated", "obsolete");
            case "ordered-by" -> List.of("system", "user");
            case "yang-version" -> List.of("1.1", "1");
            case "deviate" -> List.of("not-supported", "add", "replace", "delete");
            case "modifier" -> List.of("invert-match");
            default -> List.of();
        };
    }

    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("module", "7.1"), Map.entry("submodule", "7.2"), Map.entry("yang-version", "7.1.2"),
            Map.entry("namespace", "7.1.3"), Map.entry("prefix", "7.1.4"), Map.entry("import", "7.1.5"),
            Map.entry("revision-date", "7.1.5.1"), Map.entry("include", "7.1.6"), Map.entry("organization", "7.1.7"),
            Map.entry("contact", "7.1.8"), Map.entry("revision", "7.1.9"), Map.entry("belongs-to", "7.2.2"),
            Map.entry("typedef", "7.3"), Map.entry("units", "7.3.3"), Map.entry("type", "7.4"),
            Map.entry("container", "7.5"), Map.entry("must", "7.5.3"), Map.entry("error-message", "7.5.4.1"),
            Map.entry("error-app-tag", "7.5.4.2"), Map.entry("presence", "7.5.5"), Map.entry("leaf", "7.6"),
            Map.entry("default", "7.6.4"), Map.entry("mandatory", "7.6.5"), Map.entry("leaf-list", "7.7"),
            Map.entry("min-elements", "7.7.5"), Map.entry("max-elements", "7.7.6"), Map.entry("ordered-by", "7.7.7"),
            Map.entry("list", "7.8"), Map.entry("key", "7.8.2"), Map.entry("unique", "7.8.3"),
            Map.entry("choice", "7.9"), Map.entry("case", "7.9.2"), Map.entry("anydata", "7.10"),
            Map.entry("anyxml", "7.11"), Map.entry("grouping", "7.12"), Map.entry("uses", "7.13"),
            Map.entry("refine", "7.13.2"), Map.entry("rpc", "7.14"), Map.entry("input", "7.14.2"),
            Map.entry("output", "7.14.3"), Map.entry("action", "7.15"), Map.entry("notification", "7.16"),
            Map.entry("augment", "7.17"), Map.entry("identity", "7.18"), Map.entry("base", "7.18.2"),
            Map.entry("extension", "7.19"), Map.entry("argument", "7.19.2"), Map.entry("yin-element", "7.19.2.2"),
            Map.entry("feature", "7.20.1"), Map.entry("if-feature", "7.20.2"), Map.entry("deviation", "7.20.3"),
            Map.entry("deviate", "7.20.3.2"), Map.entry("config", "7.21.1"), Map.entry("status", "7.21.2"),
            Map.entry("description", "7.21.3"), Map.entry("reference", "7.21.4"), Map.entry("when", "7.21.5"),
            Map.entry("range", "9.2.4"), Map.entry("fraction-digits", "9.3.4"), Map.entry("length", "9.4.4"),
            Map.entry("pattern", "9.4.5"), Map.entry("modifier", "9.4.6"), Map.entry("enum", "9.6.4"),
            Map.entry("value", "9.6.4.2"), Map.entry("bit", "9.7.4"), Map.entry("position", "9.7.4.2"),
            Map.entry("path", "9.9.2"), Map.entry("require-instance", "9.9.3"));

    /** The RFC 7950 section of a keyword, e.g. {@code 7.6} for {@code leaf}; null for unknown keywords. */
    static String section(String keyword) {
        return SECTIONS.get(keyword);
    }

    /** The RFC 7950 section of a built-in type. */
    static String typeSection(String builtin) {
        return switch (builtin) {
            case "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64" -> "9.2";
            case "decimal64" -> "9.3";
            case "string" -> "9.4";
            case "boolean" -> "9.5";
            case "enumeration" -> "9.6";
            case "bits" -> "9.7";
            case "binary" -> "9.8";
            case "leafref" -> "9.9";
            case "identityref" -> "9.10";
            case "empty" -> "9.11";
            case "union" -> "9.12";
            case "instance-identifier" -> "9.13";
            default -> null;
        };
    }
}
