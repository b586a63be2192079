package dev.homeport.yang.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.testing.Marked;
import dev.homeport.yang.text.Diagnostic;
import java.util.List;

/** Parses marked input and checks that the diagnostics are exactly the marked spans with the given codes. */
final class SyntaxAssertions {
    private SyntaxAssertions() {
    }

    static SyntaxTree assertDiagnostics(String marked, String... codes) {
        Marked input = Marked.of(marked);
        SyntaxTree tree = SyntaxTree.parse(input.text());
        List<String> actual = tree.diagnostics().stream().map(SyntaxAssertions::show).toList();
        List<String> expected = new java.util.ArrayList<>();
        assertThat(input.spans()).as("one marked span per expected code").hasSize(codes.length);
        for (int i = 0; i < codes.length; i++) {
            expected.add(codes[i] + " " + input.spans().get(i));
        }
        assertThat(actual.stream().map(a -> a.substring(0, a.indexOf(" :"))).toList())
                .as("diagnostics of\n%s\nwere %s", input.text(), actual)
                .containsExactlyElementsOf(expected);
        return tree;
    }

    static SyntaxTree assertClean(String text) {
        SyntaxTree tree = SyntaxTree.parse(text);
        assertThat(tree.diagnostics()).as("diagnostics of\n%s", text).isEmpty();
        return tree;
    }

    private static String show(Diagnostic d) {
        return d.code() + " " + d.span() + " : " + d.message();
    }
}
