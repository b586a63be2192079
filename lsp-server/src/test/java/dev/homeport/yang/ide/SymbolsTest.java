package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Document outline and workspace symbol search on the workspace of {@link NavigationTest}. */
class SymbolsTest {
    @TempDir
    Path dir;

    private IdeFixture workspace(String app) {
        return IdeFixture.of(dir, "app.yang", app, "base.yang", NavigationTest.BASE, "base-sub.yang", NavigationTest.SUB);
    }

    private static void render(List<OutlineSymbol> symbols, String text, String indent, StringBuilder sb) {
        for (OutlineSymbol s : symbols) {
            sb.append(indent).append(s.kind()).append(' ').append(s.name());
            if (!s.detail().isEmpty()) {
                sb.append(" (").append(s.detail()).append(')');
            }
            assertThat(s.span().contains(s.selectionSpan())).isTrue();
            sb.append(" @").append(s.selectionRange().start()).append('\n');
            render(s.children(), text, indent + "  ", sb);
        }
    }

    @Test
    void outlineIsTheStatementHierarchy() {
        IdeFixture f = workspace(NavigationTest.APP + "|");
        StringBuilder sb = new StringBuilder();
        render(f.service.documentSymbols(f.cursorUri), f.text(f.cursorUri), "", sb);
        assertThat(sb.toString()).isEqualTo("""
                MODULE app (urn:app) @0:7
                  IMPORT base (prefix b) @4:9
                  IDENTITY wifi (b:iface-type) @5:11
                  LEAF speed (b:percent) @6:7
                  AUGMENT /b:interfaces/b:interface @7:11
                    USES b:endpoint @10:9
                    LEAF peer (leafref) @13:9
                """);
    }

    @Test
    void outlineKeepsWhatFollowsABrokenStatement() {
        IdeFixture f = workspace("module app {\n  namespace \"urn:app\";\n  prefix a;\n  container c {\n    leaf x { type }\n  }\n  leaf y { type string; }\n}\n|");
        StringBuilder sb = new StringBuilder();
        render(f.service.documentSymbols(f.cursorUri), f.text(f.cursorUri), "", sb);
        assertThat(sb.toString()).isEqualTo("""
                MODULE app (urn:app) @0:7
                  CONTAINER c @3:12
                    LEAF x @4:9
                  LEAF y (string) @6:7
                """);
    }

    @Test
    void workspaceSymbolsMatchFuzzilyAndRankExactThenPrefixThenSubsequence() {
        IdeFixture f = workspace(NavigationTest.APP + "|");
        assertThat(f.service.workspaceSymbols("per")).extracting(s -> s.kind() + " " + s.module() + ":" + s.name())
                .containsExactly("TYPEDEF base:percent", "LEAF app:peer");
        assertThat(f.service.workspaceSymbols("INTF")).extracting(s -> s.kind() + " " + s.module() + ":" + s.name())
                .containsExactly("LIST base:interface", "CONTAINER base:interfaces");
        WorkspaceSymbol name = f.service.workspaceSymbols("sub-name").get(0);
        assertThat(name.module()).as("a submodule's definitions are in its module").isEqualTo("base");
        int at = NavigationTest.SUB.indexOf("typedef sub-name") + "typedef ".length();
        assertThat(f.describe(name.location())).isEqualTo("base-sub.yang:[" + at + ", " + (at + 8) + ") sub-name");
    }

    @Test
    void nestingBelowTheMaximumDepthIsListedFlat() {
        int levels = 10_000;
        String text = "module m { prefix m; namespace \"urn:m\";\n" + "container c {\n".repeat(levels)
                + "leaf x { type string; }\n" + "}\n".repeat(levels) + "}\n|";
        IdeFixture f = IdeFixture.of(dir, "m.yang", text);
        List<OutlineSymbol> level = f.service.documentSymbols(f.cursorUri);
        int depth = 0;
        while (level.size() == 1 && level.get(0).children().size() == 1) {
            level = level.get(0).children();
            depth++;
        }
        // module + MAX_DEPTH - 1 nested levels; the deepest holds every symbol below it, in document order
        assertThat(depth).isEqualTo(DocumentSymbolsFeature.MAX_DEPTH - 1);
        List<OutlineSymbol> flat = level.get(0).children();
        assertThat(flat).hasSize(levels + 1 - (DocumentSymbolsFeature.MAX_DEPTH - 1));
        assertThat(flat).allSatisfy(sym -> assertThat(sym.children()).isEmpty());
        assertThat(flat.get(flat.size() - 1).name()).isEqualTo("x");
    }

    @Test
    void atMostMaxSymbolsInDocumentOrder() {
        int leaves = DocumentSymbolsFeature.MAX_SYMBOLS + 500;
        StringBuilder text = new StringBuilder("module m { prefix m; namespace \"urn:m\";\n container c {\n");
        for (int i = 0; i < leaves; i++) {
            text.append("  leaf l").append(i).append(" { type string; }\n");
        }
        text.append(" }\n}\n|");
        IdeFixture f = IdeFixture.of(dir, "m.yang", text.toString());
        List<OutlineSymbol> container = f.service.documentSymbols(f.cursorUri).get(0).children().get(0).children();
        // the module and the container count too
        assertThat(container).hasSize(DocumentSymbolsFeature.MAX_SYMBOLS - 2);
        assertThat(container.get(0).name()).isEqualTo("l0");
        assertThat(container.get(container.size() - 1).name()).isEqualTo("l" + (DocumentSymbolsFeature.MAX_SYMBOLS - 3));
    }
}
