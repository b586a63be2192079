package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.corpus.Corpus;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formatting with {@link FormattingOptions#canonicalOrder()}: RFC 7950 section 14 order, comments move along. */
class CanonicalOrderTest {
    @TempDir
    Path dir;

    static final String SCRAMBLED = """
            module m {
              // the body first
              container c {
                leaf b { type string; }
                description "c";
                leaf a {
                  description "a"; // trailing
                  mandatory true;
                  type string;
                  config true;
                }
                config false;
                m:note "stays fifth";
                when "1 = 1";
              }
              revision 2024-01-01;
              /* about the import */
              import other { revision-date 2020-01-01; prefix o; }
              organization "acme";
              prefix m;
              revision 2025-01-01 { reference "r"; description "newer"; }
              extension note { argument text; }
              namespace "urn:m";
              yang-version 1.1;
              typedef t { type string; } leaf z { type t; }
            }
            """;

    static final String CANONICAL = """
            module m {
              yang-version 1.1;
              namespace "urn:m";
              prefix m;
              /* about the import */
              import other { prefix o; revision-date 2020-01-01; }
              organization "acme";
              revision 2024-01-01;
              revision 2025-01-01 { description "newer"; reference "r"; }
              // the body first
              container c {
                when "1 = 1";
                config false;
                description "c";
                leaf b { type string; }
                m:note "stays fifth";
                leaf a {
                  type string;
                  config true;
                  mandatory true;
                  description "a"; // trailing
                }
              }
              extension note { argument text; }
              typedef t { type string; } leaf z { type t; }
            }
            """;

    private List<TextEdit> format(String name, String text) {
        IdeFixture f = IdeFixture.of(dir.resolve(name), "m.yang", text + "|");
        return f.service.format(f.cursorUri, new FormattingOptions(2, true));
    }

    private static String apply(String text, List<TextEdit> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : edits.stream().sorted(Comparator.comparing(TextEdit::span).reversed()).toList()) {
            sb.replace(e.span().start(), e.span().end(), e.newText());
        }
        return sb.toString();
    }

    @Test
    void scrambledModuleIsFormattedCanonicallyAndAgainChangesNothing() {
        String formatted = apply(SCRAMBLED, format("first", SCRAMBLED));
        assertThat(formatted).isEqualTo(CANONICAL);
        assertThat(format("again", formatted)).as("formatting twice is idempotent").isEmpty();
        assertThat(statements(formatted)).isEqualTo(statements(SCRAMBLED));
    }

    @Test
    void withoutTheOptionTheOrderStays() {
        IdeFixture f = IdeFixture.of(dir, "m.yang", SCRAMBLED + "|");
        String plain = apply(SCRAMBLED, f.service.format(f.cursorUri, 2));
        assertThat(plain).isEqualTo(SCRAMBLED);
    }

    @Test
    void aLineCommentNeverSwallowsTheStatementMovedAfterIt() {
        String text = "module m { namespace \"urn:m\"; prefix m;\n  leaf x { description \"d\"; type string; // t\n  }\n}\n";
        String formatted = apply(text, format("line", text));
        assertThat(formatted).isEqualTo("module m { namespace \"urn:m\"; prefix m;\n  leaf x { type string; // t\n"
                + "    description \"d\";\n  }\n}\n");
        assertThat(statements(formatted)).isEqualTo(statements(text));
    }

    /** Every corpus module, reordered and re-indented: the same statements (keyword, argument), no syntax error. */
    @Test
    void everyCorpusModuleKeepsItsStatements() {
        int reordered = 0;
        for (Path file : Corpus.yangFiles()) {
            String text = Corpus.read(file);
            SyntaxTree tree = SyntaxTree.parse(text);
            if (tree.hasErrors()) {
                continue;
            }
            String formatted = FormattingFeature.canonical(tree, 2);
            assertThat(formatted).as(file + " was refused").isNotNull();
            SyntaxTree after = SyntaxTree.parse(formatted);
            assertThat(after.hasErrors()).as(file + ": " + after.diagnostics()).isFalse();
            assertThat(statements(after)).as(file.toString()).isEqualTo(statements(tree));
            assertThat(FormattingFeature.canonical(after, 2)).as(file + " idempotent").isEqualTo(formatted);
            reordered += CanonicalOrder.reorder(tree).equals(text) ? 0 : 1;
        }
        assertThat(reordered).as("some published modules are not in canonical order").isPositive();
    }

    private static Map<String, Integer> statements(String text) {
        return statements(SyntaxTree.parse(text));
    }

    /** The multiset of (depth, keyword, argument) of every statement. */
    private static Map<String, Integer> statements(SyntaxTree tree) {
        Map<String, Integer> out = new HashMap<>();
        List<Statement> all = new ArrayList<>(tree.allStatements());
        for (Statement s : all) {
            out.merge(s.depth() + " " + s.keyword() + " " + s.argument(), 1, Integer::sum);
        }
        return out;
    }
}
