package dev.homeport.yang.feature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.check.CheckCodes;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.semantic.SemanticAnalyzer;
import dev.homeport.yang.semantic.SemanticCodes;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.Position;
import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.TextChange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an edit only what depends on the edited module is analysed again: our checks for the edited unit,
 * yangtools for the edited module and its importers, and yangtools not at all for an edit of documentation.
 */
class IncrementalDiagnosticsTest {
    private static final String BASE = """
            module base {
              yang-version 1.1;
              namespace "urn:base";
              prefix b;
              description "Base types.";
              typedef level { type uint8 { range "0..10"; } }
              container base-settings { leaf on { type boolean; } }
            }
            """;
    private static final String APP = """
            module app {
              yang-version 1.1;
              namespace "urn:app";
              prefix a;
              import base { prefix b; }
              leaf level { type b:level; }
            }
            """;
    private static final String OTHER = """
            module other {
              yang-version 1.1;
              namespace "urn:other";
              prefix o;
              leaf name { type string; }
            }
            """;

    @TempDir
    Path dir;
    private YangLanguageService service;
    private URI base;
    private URI app;
    private URI other;

    @BeforeEach
    void workspace() throws IOException {
        Files.writeString(dir.resolve("base.yang"), BASE);
        Files.writeString(dir.resolve("app.yang"), APP);
        Files.writeString(dir.resolve("other.yang"), OTHER);
        service = new YangLanguageService();
        service.configure(List.of(dir), List.of(), PathExpander.of(Map.of(), dir, dir));
        base = dir.resolve("base.yang").toUri();
        app = dir.resolve("app.yang").toUri();
        other = dir.resolve("other.yang").toUri();
    }

    private Map<URI, List<Diagnostic>> all() {
        return service.diagnosticsFeature().diagnostics(List.of(base, app, other), null);
    }

    private SemanticAnalyzer.Stats yangtools() {
        return service.diagnosticsFeature().semantics().lastStats();
    }

    private void insert(URI uri, int version, String anchor, String text) {
        String current = service.document(uri).orElseThrow().text();
        int offset = current.indexOf(anchor);
        assertThat(offset).isNotNegative();
        Position p = service.document(uri).orElseThrow().position(offset);
        service.change(uri, version, List.of(new TextChange(new Range(p, p), text)));
    }

    @Test
    void anEditReanalysesOnlyTheEditedModuleAndItsImporters() {
        all();
        assertThat(yangtools().units()).isEqualTo(3);
        assertThat(yangtools().cached()).isZero();
        long checked = service.diagnosticsFeature().unitsChecked();
        assertThat(checked).isEqualTo(3);

        all();
        assertThat(yangtools().cached()).as("nothing changed").isEqualTo(3);
        assertThat(service.diagnosticsFeature().unitsChecked()).isEqualTo(checked);

        service.open(new Document(base, 1, BASE));
        insert(base, 2, "container base-settings", "leaf extra { type string; }\n  ");
        Map<URI, List<Diagnostic>> after = all();
        assertThat(yangtools().cached()).as("only 'other' keeps its yangtools verdict").isEqualTo(1);
        assertThat(yangtools().runs()).isPositive();
        assertThat(service.diagnosticsFeature().unitsChecked()).as("checks of base and app ran again")
                .isEqualTo(checked + 2);
        assertThat(after.values()).allSatisfy(list -> assertThat(list).isEmpty());
    }

    @Test
    void anEditOfDocumentationDoesNotRunYangtoolsAgain() {
        all();
        service.open(new Document(base, 1, BASE));
        insert(base, 2, "Base types.", "Shared ");
        all();
        assertThat(yangtools().cached()).isEqualTo(3);
        assertThat(yangtools().runs()).isZero();
    }

    @Test
    void anErrorInAnImportIsReportedThereAndTheImporterIsCompiledWithoutIt() {
        service.open(new Document(base, 1, BASE));
        // a duplicate node: only yangtools sees it; app, which imports base, stays clean
        insert(base, 2, "container base-settings", "container base-settings { presence \"twice\"; }\n  ");
        Map<URI, List<Diagnostic>> after = all();
        assertThat(after.get(base)).extracting(Diagnostic::code).containsExactly(SemanticCodes.DUPLICATE_NODE);
        assertThat(after.get(app)).isEmpty();

        // our checks' errors in base do not stop yangtools either
        insert(base, 3, "range \"0..10\"", "range \"0..300\"; } } typedef spare { type uint8 { ");
        after = all();
        assertThat(after.get(base)).extracting(Diagnostic::code)
                .containsExactlyInAnyOrder(SemanticCodes.DUPLICATE_NODE, CheckCodes.INVALID_RANGE);
        assertThat(after.get(app)).isEmpty();
    }
}
