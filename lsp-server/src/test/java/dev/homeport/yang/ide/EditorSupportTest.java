package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folding ranges, formatting and semantic tokens. */
class EditorSupportTest {
    @TempDir
    Path dir;

    private static String apply(String text, List<TextEdit> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : edits.stream().sorted(Comparator.comparing(TextEdit::span).reversed()).toList()) {
            sb.replace(e.span().start(), e.span().end(), e.newText());
        }
        return sb.toString();
    }

    @Test
    void foldingRangesForBlocksCommentsAndLongArguments() {
        IdeFixture f = IdeFixture.of(dir, "m.yang", """
                module m {
                  namespace "urn:m";
                  prefix m;
                  /* a
                     comment */
                  container c {
                    description
                      "two
                       lines";
                    leaf x { type string; }
                  }
                }
                |""");
        assertThat(f.service.foldingRanges(f.cursorUri)).containsExactly(
                new FoldingRange(0, 10, FoldingRange.Kind.REGION),
                new FoldingRange(3, 4, FoldingRange.Kind.COMMENT),
                new FoldingRange(5, 9, FoldingRange.Kind.REGION),
                new FoldingRange(6, 8, FoldingRange.Kind.REGION));
    }

    static final String MESSY = """
            module m {
            namespace "urn:m";  \s
                prefix m;
              // keep me
                  container c {
              description
             "first line
                      second line";
            leaf x {   type string; }
            leaf y { type string; default 'a' +
                  'b'; }
                    }
            }
            """;

    @Test
    void formattingIndentsCanonicallyAndKeepsCommentsAndValues() {
        IdeFixture f = IdeFixture.of(dir, "m.yang", MESSY + "|");
        List<TextEdit> edits = f.service.format(f.cursorUri, 2);
        String formatted = apply(f.text(f.cursorUri), edits);
        assertThat(formatted).isEqualTo("""
                module m {
                  namespace "urn:m";
                  prefix m;
                  // keep me
                  container c {
                    description
                      "first line
                               second line";
                    leaf x {   type string; }
                    leaf y { type string; default 'a' +
                        'b'; }
                  }
                }
                """);
        List<Statement> before = SyntaxTree.parse(MESSY).allStatements();
        List<Statement> after = SyntaxTree.parse(formatted).allStatements();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).argument()).as(before.get(i).keyword()).isEqualTo(before.get(i).argument());
        }
        IdeFixture again = IdeFixture.of(dir.resolve("again"), "m.yang", formatted + "|");
        assertThat(again.service.format(again.cursorUri, 2)).as("formatting is idempotent").isEmpty();
    }

    @Test
    void textsWithSyntaxErrorsAreNotFormatted() {
        IdeFixture f = IdeFixture.of(dir, "m.yang", "module m {\nnamespace \"urn:m\";\n  leaf x { type \n|");
        assertThat(f.service.format(f.cursorUri, 2)).isEmpty();
    }

    @Test
    void semanticTokensClassifyKeywordsNamesPrefixesAndTypes() {
        IdeFixture f = IdeFixture.of(dir, "app.yang", NavigationTest.APP + "|", "base.yang", NavigationTest.BASE,
                "base-sub.yang", NavigationTest.SUB);
        String text = f.text(f.cursorUri);
        List<String> line6 = f.service.semanticTokens(f.cursorUri).stream().filter(t -> t.line() == 6)
                .map(t -> t.type() + " " + text.split("\n")[6].substring(t.character(), t.character() + t.length()))
                .toList();
        assertThat(line6).containsExactly("keyword leaf", "definition speed", "keyword type", "prefix b", "type percent");
        List<String> extension = f.service.semanticTokens(f.cursorUri).stream().filter(t -> t.line() == 9)
                .map(t -> t.type() + " " + text.split("\n")[9].substring(t.character(), t.character() + t.length()))
                .toList();
        assertThat(extension).containsExactly("prefix b", "extension note", "string \"hello\"");
        int line7 = f.service.document(f.cursorUri).orElseThrow().lines().lineStart(7);
        assertThat(f.service.semanticTokens(f.cursorUri, dev.homeport.yang.text.Span.of(line7, line7 + 12)))
                .extracting(t -> t.line() + " " + t.type()).containsExactly("7 keyword", "7 string");
        assertThat(SemanticToken.encode(List.of(new SemanticToken(1, 2, 4, SemanticToken.Type.KEYWORD),
                new SemanticToken(1, 7, 3, SemanticToken.Type.DEFINITION), new SemanticToken(3, 1, 2, SemanticToken.Type.STRING))))
                .containsExactly(1, 2, 4, 0, 0, 0, 5, 3, 4, 0, 2, 1, 2, 6, 0);
    }

    @Test
    void multiLineTokensAreSplitPerLine() {
        IdeFixture f = IdeFixture.of(dir, "m.yang", "module m {\n  /* one\n     two */\n  prefix m;\n}\n|");
        assertThat(f.service.semanticTokens(f.cursorUri)).filteredOn(t -> t.type() == SemanticToken.Type.COMMENT)
                .containsExactly(new SemanticToken(1, 2, 6, SemanticToken.Type.COMMENT),
                        new SemanticToken(2, 0, 11, SemanticToken.Type.COMMENT));
    }
}
