package dev.homeport.yang.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.text.Diagnostic;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random YANG-like text: the parser never throws and its output is always consistent. */
class ParserPropertiesTest {

    @Provide
    Arbitrary<String> yangish() {
        Arbitrary<String> pieces = Arbitraries.of("module", "leaf", "x", "ex:ext", " ", "\n", "\t", "\r\n", "{", "}",
                ";", "\"", "'", "+", "\\", "\\n", "/*", "*/", "//", "\"a b\"", "'c'", "\u0000", "\uD800", "é", "😀");
        return pieces.list().ofMaxSize(200).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void neverThrowsAndStaysConsistent(@ForAll("yangish") String text) {
        SyntaxTree tree = SyntaxTree.parse(text);
        HostileInputTest.assertTokensCoverAllButWhitespace(tree);
        for (Diagnostic d : tree.diagnostics()) {
            assertThat(d.span().end()).isLessThanOrEqualTo(text.length());
        }
        List<Statement> all = tree.allStatements();
        for (int i = 0; i < all.size(); i++) {
            Statement s = all.get(i);
            assertThat(s.span().end()).isLessThanOrEqualTo(text.length());
            if (s.parent() != null) {
                assertThat(s.parent().span().contains(s.span())).as("%s inside %s", s, s.parent()).isTrue();
                assertThat(s.parent().children()).contains(s);
            }
            if (i > 0) {
                assertThat(s.span().start()).isGreaterThanOrEqualTo(all.get(i - 1).span().start());
            }
            assertThat(tree.statementAt(s.span().start())).isPresent();
        }
    }
}
