package dev.homeport.yang.ide;

import java.util.Map;

/** Snippet templates (LSP syntax: {@code ${1:name}} placeholders, {@code $0} the final cursor) for common statements. */
final class Snippets {
    private Snippets() {
    }

    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry("leaf", "leaf ${1:name} {\n  type ${2:string};\n}"),
            Map.entry("leaf-list", "leaf-list ${1:name} {\n  type ${2:string};\n}"),
            Map.entry("container", "container ${1:name} {\n  $0\n}"),
            Map.entry("list", "list ${1:name} {\n  key \"${2:name}\";\n  leaf ${2:name} {\n    type ${3:string};\n  }\n  $0\n}"),
            Map.entry("choice", "choice ${1:name} {\n  case ${2:name} {\n    $0\n  }\n}"),
            Map.entry("case", "case ${1:name} {\n  $0\n}"),
            Map.entry("grouping", "grouping ${1:name} {\n  $0\n}"),
            Map.entry("typedef", "typedef ${1:name} {\n  type ${2:string};\n}"),
            Map.entry("augment", "augment \"${1:/path}\" {\n  $0\n}"),
            Map.entry("import", "import ${1:module} {\n  prefix ${2:p};\n}"),
            Map.entry("revision", "revision ${1:YYYY-MM-DD} {\n  description\n    \"${2:Initial revision.}\";\n}"),
            Map.entry("rpc", "rpc ${1:name} {\n  input {\n    $0\n  }\n  output {\n  }\n}"),
            Map.entry("action", "action ${1:name} {\n  input {\n    $0\n  }\n  output {\n  }\n}"),
            Map.entry("notification", "notification ${1:name} {\n  $0\n}"),
            Map.entry("identity", "identity ${1:name} {\n  base ${2:base-identity};\n}"),
            Map.entry("feature", "feature ${1:name} {\n  description\n    \"${2}\";\n}"),
            Map.entry("must", "must \"${1:expression}\" {\n  error-message \"${2}\";\n}"),
            Map.entry("when", "when \"${1:expression}\";"),
            Map.entry("description", "description\n  \"${1}\";"),
            Map.entry("enum", "enum ${1:name};"),
            Map.entry("deviation", "deviation \"${1:/path}\" {\n  deviate ${2:not-supported};\n}"),
            Map.entry("uses", "uses ${1:grouping};"));

    /** The template of a keyword, or null when it is inserted as plain text. */
    static String of(String keyword) {
        return TEMPLATES.get(keyword);
    }
}
