package dev.homeport.yang.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.text.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Input no editor should ever send, which the parser must still survive with a useful answer. */
class HostileInputTest {

    @Test
    void binaryGarbageGivesABoundedListOfDiagnosticsAndNoException() {
        byte[] bytes = new byte[1 << 20];
        new Random(42).nextBytes(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        SyntaxTree tree = SyntaxTree.parse(text);
        assertThat(tree.diagnostics()).hasSize(SyntaxTree.MAX_DIAGNOSTICS + 1);
        Diagnostic summary = tree.diagnostics().get(SyntaxTree.MAX_DIAGNOSTICS);
        assertThat(summary.code()).isEqualTo(SyntaxCodes.TOO_MANY_PROBLEMS);
        assertThat(tree.diagnostics()).allMatch(d -> d.span().end() <= text.length());
        assertThat(tree.diagnostics()).extracting(Diagnostic::code).contains(SyntaxCodes.ILLEGAL_CHARACTER);
        assertTokensCoverAllButWhitespace(tree);
    }

    @Test
    void tenMegabyteModuleParsesCompletely() {
        StringBuilder text = new StringBuilder("module big {\n  namespace \"urn:big\";\n  prefix b;\n");
        int leaves = 0;
        while (text.length() < 10 * 1024 * 1024) {
            text.append("  leaf l").append(leaves).append(" {\n    type string;\n    description\n      \"leaf ")
                    .append(leaves).append(" of many\";\n  }\n");
            leaves++;
        }
        text.append("}\n");
        SyntaxTree tree = SyntaxTree.parse(text.toString());
        assertThat(tree.diagnostics()).isEmpty();
        Statement module = tree.statements().get(0);
        assertThat(module.children()).hasSize(2 + leaves);
        assertThat(tree.allStatements()).hasSize(1 + 2 + 3 * leaves);
        Statement lastLeaf = module.children().get(module.children().size() - 1);
        assertThat(lastLeaf.argument()).isEqualTo("l" + (leaves - 1));
        assertThat(lastLeaf.childArgument("description")).contains("leaf " + (leaves - 1) + " of many");
    }

    @Test
    void tenThousandNestedBlocksDoNotOverflowTheStack() {
        int depth = 10_000;
        String text = "container c {".repeat(depth) + " leaf x; " + "}".repeat(depth);
        SyntaxTree tree = SyntaxTree.parse(text);
        assertThat(tree.diagnostics()).extracting(Diagnostic::code).containsExactly(SyntaxCodes.NESTING_TOO_DEEP);
        int braceOfTooDeep = "container c {".length() * (Parser.MAX_DEPTH + 1) - 1;
        assertThat(tree.diagnostics().get(0).span().start()).isEqualTo(braceOfTooDeep);
        Statement leaf = tree.statementAt(text.indexOf("leaf")).orElseThrow();
        assertThat(leaf.keyword()).isEqualTo("leaf");
        assertThat(leaf.depth()).isEqualTo(depth);
        assertThat(tree.allStatements()).hasSize(depth + 1);
    }

    @Test
    void tenThousandUnclosedBracesAreReportedWithinTheLimit() {
        SyntaxTree tree = SyntaxTree.parse("{".repeat(10_000));
        assertThat(tree.diagnostics()).hasSize(SyntaxTree.MAX_DIAGNOSTICS + 1);
        assertThat(tree.allStatements()).hasSize(10_000);
        assertThat(tree.statements()).hasSize(1);
    }

    @Test
    void unterminatedStringAtTheStartSwallowsTheFileAndIsReportedOnce() {
        String text = "\"" + "module m { leaf a; }\n".repeat(1000);
        SyntaxTree tree = SyntaxTree.parse(text);
        assertThat(tree.diagnostics()).extracting(Diagnostic::code, Diagnostic::span)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SyntaxCodes.UNTERMINATED_STRING,
                        dev.homeport.yang.text.Span.of(0, 1)));
        assertThat(tree.tokens()).hasSize(1);
    }

    @Test
    void emptyAndWhitespaceOnlyTexts() {
        assertThat(SyntaxTree.parse("").statements()).isEmpty();
        assertThat(SyntaxTree.parse("").diagnostics()).isEmpty();
        assertThat(SyntaxTree.parse(" \n\t\r\n").tokens()).isEmpty();
        assertThat(SyntaxTree.parse("// only a comment").statements()).isEmpty();
    }

    /** Lossless: every character that is not whitespace belongs to exactly one token, in order. */
    static void assertTokensCoverAllButWhitespace(SyntaxTree tree) {
        String text = tree.text();
        int at = 0;
        List<Token> tokens = tree.tokens();
        for (Token t : tokens) {
            assertThat(t.start()).isGreaterThanOrEqualTo(at);
            for (int i = at; i < t.start(); i++) {
                char c = text.charAt(i);
                assertThat(c == ' ' || c == '\t' || c == '\n' || c == '\r' || (i == 0 && c == '\uFEFF'))
                        .as("character %d (U+%04X) outside every token", i, (int) c).isTrue();
            }
            assertThat(t.end()).isGreaterThan(t.start());
            at = t.end();
        }
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            assertThat(c == ' ' || c == '\t' || c == '\n' || c == '\r').isTrue();
        }
    }
}
