package dev.homeport.yang.feature;

import static dev.homeport.yang.feature.SeverityLevel.ERROR;
import static dev.homeport.yang.feature.SeverityLevel.WARNING;

import dev.homeport.yang.check.CheckCodes;
import dev.homeport.yang.index.IndexCodes;
import dev.homeport.yang.semantic.SemanticCodes;
import dev.homeport.yang.syntax.SyntaxCodes;
import dev.homeport.yang.text.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every diagnostic code the YANG service reports, with its default severity and meaning. */
public final class DiagnosticCodes {
    private static final Map<String, DiagnosticCode> CODES = new LinkedHashMap<>();

    static {
        syntax(SyntaxCodes.ILLEGAL_CHARACTER, ERROR, "a character that cannot appear in YANG outside strings");
        syntax(SyntaxCodes.UNTERMINATED_STRING, ERROR, "a quoted string without its closing quote");
        syntax(SyntaxCodes.UNTERMINATED_COMMENT, ERROR, "a block comment without its closing */");
        syntax(SyntaxCodes.INVALID_ESCAPE, ERROR, "YANG 1.1: an escape other than \\n \\t \\\" \\\\ in a double-quoted string");
        syntax(SyntaxCodes.LEGACY_ESCAPE, WARNING, "YANG 1: an escape other than \\n \\t \\\" \\\\, kept literally");
        syntax(SyntaxCodes.QUOTE_IN_UNQUOTED_STRING, ERROR, "YANG 1.1: a quote inside an unquoted string");
        syntax(SyntaxCodes.EXPECTED_KEYWORD, ERROR, "a statement must start with a keyword");
        syntax(SyntaxCodes.INVALID_KEYWORD, ERROR, "a keyword that is not an identifier or prefix:identifier");
        syntax(SyntaxCodes.MISSING_KEYWORD, ERROR, "a block or argument without a keyword");
        syntax(SyntaxCodes.MISSING_SEMICOLON, ERROR, "a statement without ';' or '{'");
        syntax(SyntaxCodes.UNEXPECTED_SEMICOLON, ERROR, "a ';' that ends nothing");
        syntax(SyntaxCodes.UNEXPECTED_CLOSE_BRACE, ERROR, "a '}' that closes nothing");
        syntax(SyntaxCodes.MISSING_CLOSE_BRACE, ERROR, "a '{' that is never closed");
        syntax(SyntaxCodes.MISSING_PLUS, ERROR, "two strings without '+' between them");
        syntax(SyntaxCodes.EXPECTED_QUOTED_STRING, ERROR, "'+' not followed by a quoted string");
        syntax(SyntaxCodes.UNQUOTED_CONCATENATION, ERROR, "'+' joins only quoted strings");
        syntax(SyntaxCodes.NESTING_TOO_DEEP, ERROR, "statements nested deeper than 1,000 levels");
        syntax(SyntaxCodes.TOO_MANY_PROBLEMS, ERROR, "more than 1,000 syntax problems in one file");

        index(IndexCodes.NO_MODULE, ERROR, "a file without a module or submodule statement");
        index(IndexCodes.EXTRA_TOP_LEVEL, ERROR, "statements outside the module or submodule statement");
        index(IndexCodes.INVALID_UTF8, ERROR, "bytes that are not UTF-8");
        index(IndexCodes.FILE_NAME_MISMATCH, WARNING, "the file name is not the module name (RFC 7950 section 5.2)");
        index(IndexCodes.FILE_REVISION_MISMATCH, WARNING, "the file name's revision is not the newest revision statement");
        index(IndexCodes.UNRESOLVED_IMPORT, ERROR, "an imported module is not in the workspace or search path");
        index(IndexCodes.UNRESOLVED_INCLUDE, ERROR, "an included submodule is not in the workspace or search path");
        index(IndexCodes.UNRESOLVED_BELONGS_TO, ERROR, "a submodule's module is not in the workspace or search path");
        index(IndexCodes.REVISION_NOT_FOUND, ERROR, "no file has the revision an import or include asks for");
        index(IndexCodes.WRONG_KIND, ERROR, "a module included or a submodule imported");
        index(IndexCodes.AMBIGUOUS_MODULE, WARNING, "several different files define the same module and revision");
        index(IndexCodes.SUBMODULE_OF_OTHER_MODULE, ERROR, "an included submodule belongs to another module");

        check(CheckCodes.UNKNOWN_PREFIX, ERROR, "a prefix that is neither the module's own nor an import's");
        check(CheckCodes.UNKNOWN_TYPE, ERROR, "a type that is neither built in nor a typedef in scope");
        check(CheckCodes.UNKNOWN_GROUPING, ERROR, "a uses of a grouping that is not in scope");
        check(CheckCodes.UNKNOWN_IDENTITY, ERROR, "a base or identityref value naming no identity");
        check(CheckCodes.UNKNOWN_FEATURE, ERROR, "an if-feature naming no feature");
        check(CheckCodes.UNKNOWN_EXTENSION, ERROR, "an extension statement whose extension is not defined");
        check(CheckCodes.UNUSED_IMPORT, WARNING, "an import whose prefix is never used");
        check(CheckCodes.UNUSED_GROUPING, WARNING, "a grouping inside a statement that nothing uses");
        check(CheckCodes.NAMING_CONVENTION, WARNING, "RFC 8407 4.3.1: identifiers use lowercase letters, digits and dashes");
        check(CheckCodes.PREFIX_CONVENTION, WARNING, "RFC 8407 4.2: an import uses the imported module's own prefix");
        check(CheckCodes.NAMESPACE_CONVENTION, WARNING, "RFC 8407 4.9: namespaces are URIs; IETF/IANA modules use urn:ietf:params:xml:ns:yang:NAME");
        check(CheckCodes.REVISION_ORDER, WARNING, "revisions newest first (RFC 7950 7.1.9), each date once");
        check(CheckCodes.INVALID_DATE, ERROR, "a revision or revision-date that is not a calendar date YYYY-MM-DD");
        check(CheckCodes.XPATH_SYNTAX, ERROR, "a must, when or path argument that is not valid XPath / path syntax");
        check(CheckCodes.UNRESOLVED_LEAFREF, ERROR, "a leafref path that leads to no leaf or leaf-list");
        check(CheckCodes.LEAFREF_TO_STATE, ERROR, "a configuration leafref (require-instance true) that refers to state data");
        check(CheckCodes.UNRESOLVED_AUGMENT_TARGET, ERROR, "an augment whose target node does not exist");
        check(CheckCodes.UNRESOLVED_DEVIATION_TARGET, ERROR, "a deviation whose target node does not exist");
        check(CheckCodes.UNRESOLVED_REFINE_TARGET, ERROR, "a refine whose target node is not in the grouping");
        check(CheckCodes.IDENTITY_CYCLE, ERROR, "identities whose bases lead back to themselves");
        check(CheckCodes.IMPORT_CYCLE, ERROR, "modules that import or include each other in a circle");
        check(CheckCodes.INVALID_DEFAULT, ERROR, "a default value its type does not allow");
        check(CheckCodes.INVALID_RANGE, ERROR, "a range that is malformed, descending or wider than its base type");
        check(CheckCodes.INVALID_LENGTH, ERROR, "a length that is malformed, descending or wider than its base type");
        check(CheckCodes.INVALID_PATTERN, ERROR, "a pattern that is not a valid XSD regular expression (RFC 7950 9.4.5)");
        check(CheckCodes.MISSING_KEY, ERROR, "a configuration list without a key (RFC 7950 7.8.2)");
        check(CheckCodes.INVALID_KEY, ERROR, "a key naming no leaf of its list");
        check(CheckCodes.REQUIRES_YANG_1_1, ERROR, "a YANG 1.1 feature used in a YANG 1 module");
        check(CheckCodes.YANG_VERSION_MISMATCH, ERROR, "includes and revision imports across YANG versions (RFC 7950 12)");

        add(SemanticCodes.DUPLICATE_NODE, ERROR, "yangtools", "two nodes with the same name in one place");
        add(SemanticCodes.INVALID_STATEMENT, ERROR, "yangtools", "a statement that is not allowed where it is, or missing one");
        add(SemanticCodes.SEMANTIC_ERROR, ERROR, "yangtools", "any other error yangtools reports");
        add(dev.homeport.yang.check.Checks.INTERNAL_ERROR, WARNING, "service", "a check failed on this module (a bug of ours)");
    }

    private DiagnosticCodes() {
    }

    private static void syntax(String code, SeverityLevel level, String summary) {
        add(code, level, "syntax", summary);
    }

    private static void index(String code, SeverityLevel level, String summary) {
        add(code, level, "index", summary);
    }

    private static void check(String code, SeverityLevel level, String summary) {
        add(code, level, "check", summary);
    }

    private static void add(String code, SeverityLevel level, String origin, String summary) {
        if (CODES.put(code, new DiagnosticCode(code, level, origin, summary)) != null) {
            throw new IllegalStateException("duplicate diagnostic code " + code);
        }
    }

    public static List<DiagnosticCode> all() {
        return List.copyOf(CODES.values());
    }

    public static Optional<DiagnosticCode> find(String code) {
        return Optional.ofNullable(CODES.get(code));
    }

    /** The default severity of a code; unknown codes are errors. */
    public static Severity defaultSeverity(String code) {
        DiagnosticCode c = CODES.get(code);
        Severity s = c == null ? null : c.defaultLevel().severity();
        return s == null ? Severity.ERROR : s;
    }
}
