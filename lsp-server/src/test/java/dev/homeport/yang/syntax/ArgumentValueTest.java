package dev.homeport.yang.syntax;

import static dev.homeport.yang.syntax.SyntaxAssertions.assertClean;
import static dev.homeport.yang.syntax.SyntaxAssertions.assertDiagnostics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.text.Severity;
import org.junit.jupiter.api.Test;

/** Argument values after RFC 7950 section 6.1.3: quoting, escapes, concatenation and indentation stripping. */
class ArgumentValueTest {

    private static String onlyArgument(SyntaxTree tree, String keyword) {
        return tree.allStatements().stream().filter(s -> s.is(keyword)).findFirst().orElseThrow().argument();
    }

    @Test
    void doubleQuotedEscapesAreResolved() {
        SyntaxTree tree = assertClean("module m { yang-version 1.1; description \"a\\nb\\tc\\\"d\\\\e\"; }");
        assertThat(tree.yangVersion()).isEqualTo(YangVersion.V1_1);
        assertThat(onlyArgument(tree, "description")).isEqualTo("a\nb\tc\"d\\e");
    }

    @Test
    void otherEscapesAreErrorsInYang11AndKeptLiterally() {
        SyntaxTree tree = assertDiagnostics("""
                module m { yang-version 1.1; pattern "[0-9][[\\d]]+[[\\.]]"; }""",
                SyntaxCodes.INVALID_ESCAPE, SyntaxCodes.INVALID_ESCAPE);
        assertThat(tree.diagnostics()).allMatch(d -> d.severity() == Severity.ERROR);
        assertThat(onlyArgument(tree, "pattern")).isEqualTo("[0-9]\\d+\\.");
    }

    @Test
    void otherEscapesAreWarningsInYang1() {
        SyntaxTree tree = assertDiagnostics("""
                module m { pattern "a[[\\S]]b"; }""", SyntaxCodes.LEGACY_ESCAPE);
        assertThat(tree.yangVersion()).isEqualTo(YangVersion.V1);
        assertThat(tree.diagnostics().get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(onlyArgument(tree, "pattern")).isEqualTo("a\\Sb");
    }

    @Test
    void singleQuotesTakeEverythingLiterally() {
        SyntaxTree tree = assertClean("module m { yang-version 1.1; pattern '\\d+\"x\"\\n'; }");
        assertThat(onlyArgument(tree, "pattern")).isEqualTo("\\d+\"x\"\\n");
    }

    @Test
    void quotedStringsAreConcatenatedAcrossWhitespaceAndComments() {
        SyntaxTree tree = assertClean("""
                module m {
                  description "one " + 'two '
                    /* between */ + // line comment
                    "three"+"four";
                }""");
        assertThat(onlyArgument(tree, "description")).isEqualTo("one two threefour");
        Statement description = tree.allStatements().get(1);
        assertThat(description.argumentTokens()).extracting(Token::kind).containsExactly(
                TokenKind.DOUBLE_QUOTED, TokenKind.PLUS, TokenKind.SINGLE_QUOTED, TokenKind.PLUS,
                TokenKind.DOUBLE_QUOTED, TokenKind.PLUS, TokenKind.DOUBLE_QUOTED);
    }

    @Test
    void indentationOfContinuationLinesIsStrippedUpToTheOpeningQuote() {
        // the quote is at column 14: continuation lines lose up to 15 columns of indentation
        SyntaxTree tree = assertClean("""
                module m {
                  description "first line
                               second line
                      third
                                  deeper";
                }""");
        assertThat(onlyArgument(tree, "description")).isEqualTo("first line\nsecond line\nthird\n   deeper");
    }

    @Test
    void trailingWhitespaceBeforeALineBreakIsStrippedButNotAtTheEnd() {
        SyntaxTree tree = assertClean("module m {\ndescription \"a  \t\n  b  \";\n}");
        assertThat(onlyArgument(tree, "description")).isEqualTo("a\nb  ");
    }

    @Test
    void tabsCountEightColumnsAndAnOvershootingTabLeavesSpaces() {
        // quote at column 4 (characters): strip up to 5 columns; one tab is 8, so 3 columns remain as spaces
        SyntaxTree tree = assertClean("a   \"x\n\ty\";");
        assertThat(onlyArgument(tree, "a")).isEqualTo("x\n   y");
    }

    @Test
    void escapedLineBreaksAndEscapedTabsAreNotWhitespaceToStrip() {
        SyntaxTree tree = assertClean("module m { yang-version 1.1; description \"a\\t\\n    b\"; }");
        assertThat(onlyArgument(tree, "description")).isEqualTo("a\t\n    b");
    }

    @Test
    void crLfLineBreaksInStringsBecomeLf() {
        SyntaxTree tree = assertClean("module m {\r\n  description \"a\r\n   b\";\r\n}\r\n");
        assertThat(onlyArgument(tree, "description")).isEqualTo("a\nb");
    }

    @Test
    void unquotedArgumentsKeepEverythingUpToWhitespaceSemicolonOrBrace() {
        SyntaxTree tree = assertClean("module m { pattern [a-z]+/x*y; default +; range 1..10|20; }");
        assertThat(onlyArgument(tree, "pattern")).isEqualTo("[a-z]+/x*y");
        assertThat(onlyArgument(tree, "default")).isEqualTo("+");
        assertThat(onlyArgument(tree, "range")).isEqualTo("1..10|20");
    }

    @Test
    void quotesInsideUnquotedStringsAreAllowedInYang1Only() {
        assertThat(onlyArgument(assertClean("module m { pattern a'b\"c; }"), "pattern")).isEqualTo("a'b\"c");
        assertDiagnostics("module m { yang-version 1.1; pattern a[[']]b; }", SyntaxCodes.QUOTE_IN_UNQUOTED_STRING);
    }

    @Test
    void emptyStringsAreArguments() {
        SyntaxTree tree = assertClean("module m { description \"\"; reference ''; }");
        assertThat(onlyArgument(tree, "description")).isEmpty();
        assertThat(onlyArgument(tree, "reference")).isEmpty();
    }

    @Test
    void commentMarkersInsideStringsAreText() {
        SyntaxTree tree = assertClean("module m { description \"// not /* a */ comment\"; }");
        assertThat(onlyArgument(tree, "description")).isEqualTo("// not /* a */ comment");
    }
}
