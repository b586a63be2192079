package dev.homeport.yang.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.text.Document;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates touch one source and name exactly the sources that depend on it. */
class IncrementalIndexTest {
    @TempDir
    Path dir;

    private final WorkspaceIndex index = new WorkspaceIndex();
    private URI base;
    private URI types;
    private URI app;
    private URI other;
    private URI sub;

    private URI write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toUri();
    }

    private static String module(String name, String body) {
        return "module " + name + " {\n  namespace \"urn:" + name + "\";\n  prefix " + name + ";\n" + body + "}\n";
    }

    @BeforeEach
    void workspace() throws IOException {
        // app -> types -> base, app includes sub (which belongs to app), other stands alone
        base = write("base.yang", module("base", ""));
        types = write("types.yang", module("types", "  import base { prefix b; }\n"));
        app = write("app.yang", module("app", "  import types { prefix t; }\n  include sub;\n"));
        sub = write("sub.yang", "submodule sub {\n  belongs-to app { prefix a; }\n}\n");
        other = write("other.yang", module("other", ""));
        index.configure(List.of(dir), List.of(), PathExpander.of(Map.of(), dir, dir));
    }

    @Test
    void dependentsFollowTheReverseImportGraph() {
        assertThat(index.dependents(base)).containsExactly(types);
        assertThat(index.dependents(types)).containsExactly(app);
        assertThat(index.dependents(app)).containsExactly(sub);
        assertThat(index.dependents(sub)).containsExactly(app);
        assertThat(index.dependents(other)).isEmpty();
        assertThat(index.affectedBy(base)).containsExactlyInAnyOrder(base, types, app, sub);
        assertThat(index.affectedBy(other)).containsExactly(other);
    }

    @Test
    void editingAnOpenDocumentReparsesOnlyItAndReportsItsDependents() {
        List<IndexedSource> before = index.sources();
        IndexUpdate update = index.open(new Document(base, 1, module("base", "  leaf added { type string; }\n")));
        assertThat(update.affected()).containsExactlyInAnyOrder(base, types, app, sub);
        for (IndexedSource s : before) {
            if (!s.uri().equals(base)) {
                assertThat(index.source(s.uri())).get().as("untouched source %s", s.uri()).isSameAs(s);
            }
        }
        IndexedSource edited = index.source(base).orElseThrow();
        assertThat(edited.open()).isTrue();
        assertThat(edited.tree()).isNotNull();
        assertThat(edited.tree().text()).contains("leaf added");
    }

    @Test
    void changingAnImportMovesTheDocumentInTheGraph() {
        Document doc = new Document(app, 1, readFile(app));
        index.open(doc);
        IndexUpdate update = index.change(new Document(app, 2, module("app", "  import other { prefix o; }\n  include sub;\n")));
        assertThat(update.affected()).containsExactlyInAnyOrder(app, sub);
        assertThat(index.dependents(types)).isEmpty();
        assertThat(index.dependents(other)).containsExactly(app);
        assertThat(index.affectedBy(base)).containsExactlyInAnyOrder(base, types);
    }

    @Test
    void renamingAModuleAffectsTheImportersOfTheOldAndTheNewName() {
        index.open(new Document(other, 1, readFile(other)));
        IndexUpdate update = index.change(new Document(other, 2, module("types", "  revision 2030-01-01;\n")));
        // importers of 'other' (none) and of 'types' (app, and app's submodule)
        assertThat(update.affected()).containsExactlyInAnyOrder(other, app, sub);
        assertThat(index.resolveAll(app).get(0).target().uri()).as("the newer 'types' now wins").isEqualTo(other);
    }

    @Test
    void closingADocumentFallsBackToTheFileOnDisk() {
        index.open(new Document(base, 1, module("base", "  leaf unsaved { type string; }\n")));
        IndexUpdate update = index.close(base);
        assertThat(update.affected()).contains(base, types);
        IndexedSource s = index.source(base).orElseThrow();
        assertThat(s.open()).isFalse();
        assertThat(index.text(base)).get().asString().doesNotContain("unsaved");
    }

    @Test
    void anOlderVersionArrivingLateIsIgnored() {
        index.open(new Document(base, 5, module("base", "  leaf v5 { type string; }\n")));
        IndexUpdate late = index.change(new Document(base, 4, module("base", "  leaf v4 { type string; }\n")));
        assertThat(late.affected()).isEmpty();
        assertThat(index.text(base)).get().asString().contains("v5");
    }

    @Test
    void filesCreatedChangedAndDeletedOnDisk() throws IOException {
        URI fresh = write("fresh.yang", module("fresh", "  import other { prefix o; }\n"));
        IndexUpdate created = index.fileChanged(fresh);
        assertThat(created.affected()).containsExactly(fresh);
        assertThat(index.dependents(other)).containsExactly(fresh);

        IndexUpdate deleted;
        Files.delete(Path.of(base));
        deleted = index.fileDeleted(base);
        assertThat(deleted.affected()).containsExactlyInAnyOrder(base, types, app, sub);
        assertThat(index.source(base)).isEmpty();
        assertThat(index.diagnostics(types)).extracting(d -> d.code()).containsExactly(IndexCodes.UNRESOLVED_IMPORT);

        write("base.yang", module("base", ""));
        index.fileChanged(base);
        assertThat(index.diagnostics(types)).isEmpty();
    }

    @Test
    void editorUrisAreMatchedToScannedFiles() {
        URI spelledDifferently = URI.create(base.toString().replace("/base.yang", "/./base.yang"));
        IndexUpdate update = index.open(new Document(spelledDifferently, 1, readFile(base)));
        assertThat(update.changed()).isEqualTo(base);
        assertThat(index.sources()).hasSize(5);
    }

    @Test
    void aDocumentOutsideEveryRootIsStillIndexed() {
        URI untitled = URI.create("untitled:Untitled-1");
        IndexUpdate update = index.open(new Document(untitled, 1, module("scratch", "  import base { prefix b; }\n")));
        assertThat(update.affected()).containsExactly(untitled);
        assertThat(index.resolveAll(untitled)).singleElement().extracting(r -> r.target().uri()).isEqualTo(base);
        assertThat(index.affectedBy(base)).contains(untitled);
        assertThat(index.source(untitled).orElseThrow().priority()).isEqualTo(-1);
    }

    private static String readFile(URI uri) {
        try {
            return Files.readString(Path.of(uri));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
