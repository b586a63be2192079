package dev.homeport.yang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.yang.index.IndexCodes;
import dev.homeport.yang.index.IndexUpdate;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.syntax.SyntaxCodes;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.TextChange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor-facing service: open, edit, close, and the diagnostics of each step. */
class YangLanguageServiceTest {
    @TempDir
    Path dir;

    @Test
    void editsFlowIntoSyntaxAndIndexDiagnostics() throws IOException {
        Path types = dir.resolve("types.yang");
        Files.writeString(types, "module types { namespace \"urn:t\"; prefix t; typedef name { type string; } }\n");
        Path app = dir.resolve("app.yang");
        String text = "module app {\n  namespace \"urn:a\";\n  prefix a;\n  import types { prefix t; }\n"
                + "  leaf label { type t:name; }\n}\n";
        Files.writeString(app, text);
        YangLanguageService service = new YangLanguageService();
        service.configure(List.of(dir), List.of(), PathExpander.of(Map.of(), dir, dir));
        URI uri = app.toUri();
        service.open(new Document(uri, 1, text));
        assertThat(service.diagnostics(uri)).isEmpty();

        // rename the import to something that does not exist, and drop the ';' after the prefix
        IndexUpdate update = service.change(uri, 2, List.of(
                new TextChange(Range.of(3, 9, 3, 14), "nothing"),
                new TextChange(Range.of(2, 10, 2, 11), "")));
        assertThat(update.affected()).containsExactly(uri);
        assertThat(service.document(uri).orElseThrow().text()).contains("import nothing", "prefix a\n");
        List<Diagnostic> diagnostics = service.diagnostics(uri);
        assertThat(diagnostics).extracting(Diagnostic::code)
                .containsExactly(SyntaxCodes.MISSING_SEMICOLON, IndexCodes.UNRESOLVED_IMPORT);
        Document doc = service.document(uri).orElseThrow();
        assertThat(doc.range(diagnostics.get(0).span())).isEqualTo(Range.of(2, 10, 2, 10));
        assertThat(doc.range(diagnostics.get(1).span())).isEqualTo(Range.of(3, 9, 3, 16));

        IndexUpdate closed = service.close(uri);
        assertThat(closed.affected()).contains(uri);
        assertThat(service.document(uri)).isEmpty();
        assertThat(service.diagnostics(uri)).as("back to the file on disk").isEmpty();
    }

    @Test
    void aChangeForADocumentThatIsNotOpenIsRefused() {
        YangLanguageService service = new YangLanguageService();
        assertThatThrownBy(() -> service.change(URI.create("file:///nowhere.yang"), 2, List.of(TextChange.full("x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not open");
    }
}
