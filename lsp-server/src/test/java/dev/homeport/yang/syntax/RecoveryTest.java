package dev.homeport.yang.syntax;

import static dev.homeport.yang.syntax.SyntaxAssertions.assertDiagnostics;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every syntax error is reported at the exact place it is, and the statements after it still parse. */
class RecoveryTest {

    @Test
    void missingSemicolonIsReportedWhereItBelongsAndTheNextStatementStillParses() {
        SyntaxTree tree = assertDiagnostics("""
                module m {
                  leaf a { type string[[]] }
                  leaf b { type int8[[]]
                    description "b"; }
                  leaf c { type uint8; }
                }""", SyntaxCodes.MISSING_SEMICOLON, SyntaxCodes.MISSING_SEMICOLON);
        Statement module = tree.statements().get(0);
        assertThat(module.children()).extracting(Statement::argument).containsExactly("a", "b", "c");
        assertThat(module.children().get(1).children()).extracting(Statement::keyword).containsExactly("type", "description");
        assertThat(module.children().get(2).firstChild("type").orElseThrow().argument()).isEqualTo("uint8");
    }

    @Test
    void twoArgumentsEndTheFirstStatementAfterItsArgument() {
        SyntaxTree tree = assertDiagnostics("module m { leaf foo[[]] bar; leaf ok; }", SyntaxCodes.MISSING_SEMICOLON);
        assertThat(tree.statements().get(0).children()).extracting(Statement::keyword).containsExactly("leaf", "bar", "leaf");
    }

    @Test
    void unterminatedDoubleQuotedStringIsReportedAtItsQuoteOnly() {
        SyntaxTree tree = assertDiagnostics("""
                module m {
                  leaf a;
                  description [["]]no end;
                  leaf b;
                }
                """, SyntaxCodes.UNTERMINATED_STRING);
        Statement description = tree.statements().get(0).children().get(1);
        assertThat(description.argument()).startsWith("no end;");
        assertThat(description.argumentTokens().get(0).unterminated()).isTrue();
    }

    @Test
    void unterminatedSingleQuotedStringAndBlockComment() {
        assertDiagnostics("module m { pattern [[']]abc; }", SyntaxCodes.UNTERMINATED_STRING);
        assertDiagnostics("module m { leaf a; [[/*]] leaf b; }", SyntaxCodes.UNTERMINATED_COMMENT);
    }

    @Test
    void strayCloseBraceAtTopLevel() {
        SyntaxTree tree = assertDiagnostics("module m { leaf a; }\n[[}]]\n", SyntaxCodes.UNEXPECTED_CLOSE_BRACE);
        assertThat(tree.statements()).hasSize(1);
    }

    @Test
    void anExtraCloseBraceEndsTheModuleEarlyAndTheRestStillParses() {
        SyntaxTree tree = assertDiagnostics("""
                module m {
                  leaf a { type string; } }
                  leaf b { type string; }
                [[}]]""", SyntaxCodes.UNEXPECTED_CLOSE_BRACE);
        assertThat(tree.statements()).extracting(Statement::keyword).containsExactly("module", "leaf");
        assertThat(tree.statements().get(1).argument()).isEqualTo("b");
    }

    @Test
    void missingCloseBraceIsReportedAtTheOpeningBraceOfEachUnclosedBlock() {
        SyntaxTree tree = assertDiagnostics("""
                module m [[{]]
                  container c [[{]]
                    leaf a;
                """, SyntaxCodes.MISSING_CLOSE_BRACE, SyntaxCodes.MISSING_CLOSE_BRACE);
        Statement container = tree.statements().get(0).children().get(0);
        assertThat(container.children()).extracting(Statement::argument).containsExactly("a");
        assertThat(container.isIncomplete()).isTrue();
        assertThat(container.span().end()).isEqualTo(tree.text().length());
    }

    @Test
    void quotedStringsWithoutPlusAreJoinedAndReported() {
        SyntaxTree tree = assertDiagnostics("module m { description \"a\" [[]]'b'; }", SyntaxCodes.MISSING_PLUS);
        assertThat(tree.statements().get(0).children().get(0).argument()).isEqualTo("ab");
    }

    @Test
    void plusWithoutAStringAfterIt() {
        SyntaxTree tree = assertDiagnostics("module m { description \"a\" [[+]] ; leaf b; }", SyntaxCodes.EXPECTED_QUOTED_STRING);
        assertThat(tree.statements().get(0).children()).extracting(Statement::argument).containsExactly("a", "b");
    }

    @Test
    void unquotedStringsCannotBeConcatenated() {
        SyntaxTree tree = assertDiagnostics("module m { description [[a]] + \"b\" + [[c]]; }",
                SyntaxCodes.UNQUOTED_CONCATENATION, SyntaxCodes.UNQUOTED_CONCATENATION);
        assertThat(tree.statements().get(0).children().get(0).argument()).isEqualTo("abc");
    }

    @Test
    void statementsMustStartWithAKeyword() {
        SyntaxTree tree = assertDiagnostics("module m { [[\"leaf\"]] x; [[le@f]] y; [[+]]; leaf z; }",
                SyntaxCodes.EXPECTED_KEYWORD, SyntaxCodes.INVALID_KEYWORD, SyntaxCodes.EXPECTED_KEYWORD);
        assertThat(tree.statements().get(0).children()).extracting(Statement::hasValidKeyword)
                .containsExactly(false, false, false, true);
        assertThat(tree.statements().get(0).children().get(3).argument()).isEqualTo("z");
    }

    @Test
    void invalidPrefixedKeywords() {
        assertDiagnostics("module m { [[ex:]] a; [[:b]] c; [[1x]] d; [[a:b:c]] e; ok:fine f; }",
                SyntaxCodes.INVALID_KEYWORD, SyntaxCodes.INVALID_KEYWORD, SyntaxCodes.INVALID_KEYWORD,
                SyntaxCodes.INVALID_KEYWORD);
    }

    @Test
    void blockWithoutKeywordStillNestsItsStatements() {
        SyntaxTree tree = assertDiagnostics("module m { [[{]] leaf a; } leaf b; }", SyntaxCodes.MISSING_KEYWORD);
        Statement anonymous = tree.statements().get(0).children().get(0);
        assertThat(anonymous.keyword()).isEmpty();
        assertThat(anonymous.children()).extracting(Statement::argument).containsExactly("a");
        assertThat(tree.statements().get(0).children().get(1).argument()).isEqualTo("b");
    }

    @Test
    void strayAndDoubledSemicolons() {
        SyntaxTree tree = assertDiagnostics("[[;]]module m { leaf a;[[;]] }", SyntaxCodes.UNEXPECTED_SEMICOLON,
                SyntaxCodes.UNEXPECTED_SEMICOLON);
        assertThat(tree.statements()).hasSize(1);
    }

    @Test
    void illegalCharactersAreReportedAsRuns() {
        assertDiagnostics("module m { leaf a[[\u0001\u0002]]; leaf b[[\uFFFF]]; leaf c[[\uD800]]x; }",
                SyntaxCodes.ILLEGAL_CHARACTER, SyntaxCodes.ILLEGAL_CHARACTER, SyntaxCodes.ILLEGAL_CHARACTER);
        SyntaxAssertions.assertClean("module m { description \"emoji \uD83D\uDE00 and tab\t\"; }");
    }

    @Test
    void manyErrorsInOneFileAreAllReportedAndTheLastStatementIsIntact() {
        SyntaxTree tree = assertDiagnostics("""
                module m {
                  leaf a { type string[[]] }
                  [[;]]
                  leaf b { type "x" [[+]][[]] }
                  container c { [[le@f]] d; }
                  description "one" [[]]"two";
                  leaf last { type boolean; default "true"; }
                }""", SyntaxCodes.MISSING_SEMICOLON, SyntaxCodes.UNEXPECTED_SEMICOLON, SyntaxCodes.EXPECTED_QUOTED_STRING,
                SyntaxCodes.MISSING_SEMICOLON, SyntaxCodes.INVALID_KEYWORD, SyntaxCodes.MISSING_PLUS);
        Statement last = tree.statements().get(0).children().get(4);
        assertThat(last.argument()).isEqualTo("last");
        assertThat(last.children()).extracting(Statement::argument).containsExactly("boolean", "true");
    }
}
