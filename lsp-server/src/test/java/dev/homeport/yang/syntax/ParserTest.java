package dev.homeport.yang.syntax;

import static dev.homeport.yang.syntax.SyntaxAssertions.assertClean;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.testing.Marked;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement tree and the exact offsets of what it is made of. */
class ParserTest {

    @Test
    void buildsTheStatementTree() {
        SyntaxTree tree = assertClean("""
                module example {
                  namespace "urn:example";
                  prefix ex;
                  container system {
                    leaf host-name { type string; }
                  }
                }""");
        Statement module = tree.statements().get(0);
        assertThat(module.keyword()).isEqualTo("module");
        assertThat(module.argument()).isEqualTo("example");
        assertThat(module.children()).extracting(Statement::keyword).containsExactly("namespace", "prefix", "container");
        assertThat(module.childArgument("namespace")).contains("urn:example");
        Statement leaf = module.firstChild("container").orElseThrow().children().get(0);
        assertThat(leaf.argument()).isEqualTo("host-name");
        assertThat(leaf.depth()).isEqualTo(2);
        assertThat(leaf.parent().argument()).isEqualTo("system");
        assertThat(leaf.children("type")).singleElement().extracting(Statement::argument).isEqualTo("string");
        assertThat(tree.moduleStatement()).contains(module);
        assertThat(tree.allStatements()).extracting(Statement::keyword)
                .containsExactly("module", "namespace", "prefix", "container", "leaf", "type");
    }

    @Test
    void everyPieceHasItsExactSpan() {
        Marked in = Marked.of("[[leaf]] [[\"a\" + 'b']] [[{]] [[type]] [[string]][[;]] [[}]]");
        SyntaxTree tree = assertClean(in.text());
        Statement leaf = tree.statements().get(0);
        Statement type = leaf.children().get(0);
        assertThat(List.of(leaf.keywordSpan(), leaf.argumentSpan(), leaf.terminator().span(), type.keywordSpan(),
                type.argumentSpan(), type.terminator().span(), leaf.closeBrace().span())).isEqualTo(in.spans());
        assertThat(leaf.span()).isEqualTo(in.spans().get(0).cover(in.spans().get(6)));
        assertThat(type.span()).isEqualTo(in.spans().get(3).cover(in.spans().get(5)));
        assertThat(leaf.hasBlock()).isTrue();
        assertThat(type.hasBlock()).isFalse();
    }

    @Test
    void extensionKeywordsHaveAPrefix() {
        SyntaxTree tree = assertClean("module m { md:annotation last-modified { type string; } ex:flag; }");
        Statement annotation = tree.statements().get(0).children().get(0);
        assertThat(annotation.isExtension()).isTrue();
        assertThat(annotation.prefix()).isEqualTo("md");
        assertThat(annotation.identifier()).isEqualTo("annotation");
        assertThat(annotation.argument()).isEqualTo("last-modified");
        Statement flag = tree.statements().get(0).children().get(1);
        assertThat(flag.keyword()).isEqualTo("ex:flag");
        assertThat(flag.hasArgument()).isFalse();
        assertThat(flag.argument()).isNull();
        assertThat(tree.statements().get(0).isExtension()).isFalse();
    }

    @Test
    void commentsAreTokensButNotStatements() {
        Marked in = Marked.of("""
                [[// head { ;]]
                module m { [[/* } " */]] leaf x; [[// tail]]
                }""");
        SyntaxTree tree = assertClean(in.text());
        assertThat(tree.tokens().stream().filter(t -> t.kind().isComment()).map(Token::span).toList())
                .isEqualTo(in.spans());
        assertThat(tree.statements().get(0).children()).extracting(Statement::keyword).containsExactly("leaf");
    }

    @Test
    void findsTheInnermostStatementAtAnOffset() {
        Marked in = Marked.withCursor("module m { container c { leaf x { ty|pe string; } } }");
        SyntaxTree tree = assertClean(in.text());
        assertThat(tree.statementAt(in.cursor())).get().extracting(Statement::keyword).isEqualTo("type");
        assertThat(tree.tokenAt(in.cursor())).get().extracting(t -> t.text(in.text())).isEqualTo("type");

        Marked between = Marked.withCursor("module m { container c { leaf x; | leaf y; } }");
        assertThat(SyntaxTree.parse(between.text()).statementAt(between.cursor())).get()
                .extracting(Statement::keyword, Statement::argument).containsExactly("container", "c");
        assertThat(SyntaxTree.parse(between.text()).tokenAt(between.cursor())).isEmpty();
        assertThat(tree.statementAt(in.text().length())).isEmpty();
    }

    @Test
    void aStatementBeingTypedHoldsTheOffsetAtItsEnd() {
        Marked in = Marked.withCursor("module m { leaf x { type |");
        SyntaxTree tree = SyntaxTree.parse(in.text());
        assertThat(tree.statementAt(in.cursor())).get().extracting(Statement::keyword).isEqualTo("type");
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        SyntaxTree tree = assertClean("\uFEFFmodule m { }");
        assertThat(tree.statements().get(0).keywordSpan().start()).isEqualTo(1);
        assertThat(tree.statements().get(0).keyword()).isEqualTo("module");
    }

    @Test
    void crLfAndLoneCrAreWhitespace() {
        SyntaxTree tree = assertClean("module m {\r\n  leaf a;\r  leaf b;\n}");
        assertThat(tree.statements().get(0).children()).extracting(Statement::argument).containsExactly("a", "b");
        assertThat(tree.lines().position(tree.allStatements().get(2).span().start()).line()).isEqualTo(2);
    }

    @Test
    void keywordsAndArgumentsNeedNoSpaceBeforeBracesAndSemicolons() {
        SyntaxTree tree = assertClean("module m{leaf x{type string;}leaf y;}");
        assertThat(tree.allStatements()).extracting(Statement::keyword).containsExactly("module", "leaf", "type", "leaf");
        assertThat(tree.allStatements()).extracting(Statement::argument).containsExactly("m", "x", "string", "y");
    }
}
