package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.testing.Marked;
import dev.homeport.yang.text.Document;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rename on the workspace of {@link NavigationTest}: the edits are applied and the resulting texts compared. */
class RenameTest {
    @TempDir
    Path dir;

    private static String apply(String text, List<TextEdit> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : edits.stream().sorted(Comparator.comparing(TextEdit::span).reversed()).toList()) {
            sb.replace(e.span().start(), e.span().end(), e.newText());
        }
        return sb.toString();
    }

    private static String applied(IdeFixture f, WorkspaceEdit edit, String file) {
        URI uri = f.uri(file);
        return apply(f.text(uri), edit.changes().getOrDefault(uri, List.of()));
    }

    private IdeFixture workspace(String base, String app) {
        return IdeFixture.of(dir, "app.yang", app, "base.yang", base, "base-sub.yang", NavigationTest.SUB);
    }

    @Test
    void typedefIsRenamedWhereDefinedAndWhereverReferenced() {
        IdeFixture f = workspace(NavigationTest.BASE, NavigationTest.APP.replace("b:percent", "b:per|cent"));
        assertThat(f.describe(List.of(new Location(f.cursorUri, f.service.prepareRename(f.cursorUri, f.cursor),
                f.service.document(f.cursorUri).orElseThrow().range(f.service.prepareRename(f.cursorUri, f.cursor))))))
                .containsExactly("app.yang:" + f.service.prepareRename(f.cursorUri, f.cursor) + " percent");
        WorkspaceEdit edit = f.service.rename(f.cursorUri, f.cursor, "ratio");
        assertThat(edit.changes()).containsOnlyKeys(f.uri("app.yang"), f.uri("base.yang"));
        assertThat(applied(f, edit, "base.yang")).isEqualTo(NavigationTest.BASE.replace("typedef percent", "typedef ratio")
                .replace("type percent", "type ratio"));
        assertThat(applied(f, edit, "app.yang")).isEqualTo(NavigationTest.APP.replace("b:percent", "b:ratio"));
    }

    @Test
    void prefixIsRenamedInEveryUseOfItsFileOnly() {
        IdeFixture f = workspace(NavigationTest.BASE, NavigationTest.APP.replace("prefix b;", "prefix |b;"));
        WorkspaceEdit edit = f.service.rename(f.cursorUri, f.cursor, "bs");
        assertThat(edit.changes()).containsOnlyKeys(f.cursorUri);
        assertThat(applied(f, edit, "app.yang")).isEqualTo(NavigationTest.APP.replace("prefix b;", "prefix bs;")
                .replace("b:", "bs:"));
    }

    @Test
    void identityRenameReachesBasesAndIdentityrefDefaults() {
        String app = NavigationTest.APP.replace("leaf speed", "leaf kind {\n    type identityref { base b:iface-type; }\n"
                + "    default b:eth;\n  }\n  leaf speed");
        IdeFixture f = workspace(NavigationTest.BASE.replace("identity eth", "identity e|th"), app);
        WorkspaceEdit edit = f.service.rename(f.cursorUri, f.cursor, "ethernet");
        assertThat(applied(f, edit, "base.yang")).isEqualTo(NavigationTest.BASE.replace("identity eth", "identity ethernet"));
        assertThat(applied(f, edit, "app.yang")).isEqualTo(app.replace("default b:eth", "default b:ethernet"));
    }

    @Test
    void featureRenameReachesIfFeatureExpressions() {
        IdeFixture f = workspace(NavigationTest.BASE.replace("feature fast", "feature fa|st"),
                NavigationTest.APP.replace("if-feature \"b:fast\"", "if-feature \"b:fast and not b:fast\""));
        WorkspaceEdit edit = f.service.rename(f.cursorUri, f.cursor, "quick");
        assertThat(applied(f, edit, "app.yang")).contains("if-feature \"b:quick and not b:quick\"");
    }

    @Test
    void invalidClashingAndUnrenamableNamesAreRefused() {
        IdeFixture f = workspace(NavigationTest.BASE, NavigationTest.APP.replace("b:percent", "b:per|cent"));
        assertThatThrownBy(() -> f.service.rename(f.cursorUri, f.cursor, "9lives"))
                .isInstanceOf(RenameRefusedException.class).hasMessageContaining("not a YANG identifier");
        assertThatThrownBy(() -> f.service.rename(f.cursorUri, f.cursor, "sub-name"))
                .isInstanceOf(RenameRefusedException.class).hasMessage("typedef 'sub-name' already exists in module base");
        IdeFixture leaf = workspace(NavigationTest.BASE, NavigationTest.APP.replace("leaf speed", "leaf spe|ed"));
        assertThatThrownBy(() -> leaf.service.rename(leaf.cursorUri, leaf.cursor, "rate"))
                .isInstanceOf(RenameRefusedException.class).hasMessageContaining("only typedefs");
        IdeFixture prefix = workspace(NavigationTest.BASE, NavigationTest.APP.replace("prefix b;", "prefix |b;"));
        assertThatThrownBy(() -> prefix.service.rename(prefix.cursorUri, prefix.cursor, "a"))
                .isInstanceOf(RenameRefusedException.class).hasMessage("prefix 'a' is already used in this file");
    }

    @Test
    void aDefinitionUsedFromTheSearchPathIsNotRenamedHalfway() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Path library = Files.createDirectories(dir.resolve("lib"));
        Marked base = Marked.withCursor(NavigationTest.BASE.replace("typedef percent", "typedef per|cent"));
        Files.writeString(workspace.resolve("base.yang"), base.text());
        Files.writeString(workspace.resolve("base-sub.yang"), NavigationTest.SUB);
        Files.writeString(library.resolve("app.yang"), NavigationTest.APP);
        YangLanguageService service = new YangLanguageService();
        service.configure(List.of(workspace), List.of(library.toString()), PathExpander.of(Map.of(), workspace, workspace));
        URI uri = workspace.resolve("base.yang").toUri();
        service.open(new Document(uri, 1, base.text()));
        assertThatThrownBy(() -> service.rename(uri, base.cursor(), "ratio"))
                .isInstanceOf(RenameRefusedException.class).hasMessageContaining("outside the workspace folders");
    }
}
