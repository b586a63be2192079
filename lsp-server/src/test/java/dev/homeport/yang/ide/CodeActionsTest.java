package dev.homeport.yang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.check.CheckCodes;
import dev.homeport.yang.index.IndexCodes;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Span;
import dev.homeport.yang.text.TextChange;
import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick fixes, LemMinX style: a module with the error and the cursor {@code |} on it, the actions there, the edit
 * applied and compared with the expected text, and the fixed text diagnosed again without that diagnostic.
 */
class CodeActionsTest {
    private static final String BASE = """
            module base {
              yang-version 1.1;
              namespace "urn:base";
              prefix b;
              revision 2025-02-03;
              typedef percent { type uint8 { range "0..100"; } }
            }
            """;
    private static final String OLD_BASE = BASE.replace("2025-02-03", "2024-01-01");

    @TempDir
    Path dir;

    private static String apply(String text, List<TextEdit> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : edits.stream().sorted(Comparator.comparing(TextEdit::span).reversed()).toList()) {
            sb.replace(e.span().start(), e.span().end(), e.newText());
        }
        return sb.toString();
    }

    /** The one action for {@code code} at the cursor, applied; asserts that the fixed text no longer has it. */
    private static String fix(IdeFixture f, String code, String expectedTitle) {
        List<Diagnostic> found = f.service.diagnostics(f.cursorUri).stream().filter(d -> d.code().equals(code)).toList();
        assertThat(found).as("diagnostics with code %s", code).isNotEmpty();
        List<CodeAction> actions = f.service.codeActions(f.cursorUri, Span.at(f.cursor),
                f.service.diagnostics(f.cursorUri));
        assertThat(actions).extracting(CodeAction::title).containsExactly(expectedTitle);
        CodeAction action = actions.get(0);
        assertThat(action.kind()).isEqualTo(CodeAction.QUICK_FIX);
        assertThat(action.diagnosticCode()).isEqualTo(code);
        assertThat(action.edit().changes()).containsOnlyKeys(f.cursorUri);
        String fixed = apply(f.text(f.cursorUri), action.edit().changes().get(f.cursorUri));
        f.service.change(f.cursorUri, 2, List.of(new TextChange(null, fixed)));
        assertThat(f.service.diagnostics(f.cursorUri)).extracting(Diagnostic::code).doesNotContain(code);
        return fixed;
    }

    @Test
    void unknownPrefixImportsTheModuleWithThatPrefixAfterTheLastImport() {
        String app = """
                module app {
                  yang-version 1.1;
                  namespace "urn:app";
                  prefix a;
                  import ietf-yang-types { prefix yang; }
                  leaf load { type b:|percent; }
                  leaf at { type yang:date-and-time; }
                }
                """;
        IdeFixture f = IdeFixture.of(dir, "app.yang", app, "base.yang", BASE, "ietf-yang-types.yang", """
                module ietf-yang-types {
                  namespace "urn:ietf:params:xml:ns:yang:ietf-yang-types";
                  prefix yang;
                  typedef date-and-time { type string; }
                }
                """);
        String fixed = fix(f, CheckCodes.UNKNOWN_PREFIX, "Import module 'base' with prefix 'b'");
        assertThat(fixed).isEqualTo(f.text(f.cursorUri).replace("  import ietf-yang-types { prefix yang; }\n",
                "  import ietf-yang-types { prefix yang; }\n  import base { prefix b; }\n"));
    }

    @Test
    void unknownPrefixWithoutImportsGoesAfterThePrefixStatement() {
        String app = """
                module app {
                  namespace "urn:app";
                  prefix a;
                  leaf load { type b:|percent; }
                }
                """;
        IdeFixture f = IdeFixture.of(dir, "app.yang", app, "base.yang", BASE);
        String fixed = fix(f, CheckCodes.UNKNOWN_PREFIX, "Import module 'base' with prefix 'b'");
        assertThat(fixed).isEqualTo(f.text(f.cursorUri).replace("  prefix a;\n", "  prefix a;\n  import base { prefix b; }\n"));
    }

    @Test
    void revisionDateNotFoundIsReplacedWithTheNewestRevision() {
        String app = """
                module app {
                  namespace "urn:app";
                  prefix a;
                  import base { prefix b; revision-date 2023-|05-05; }
                  leaf load { type b:percent; }
                }
                """;
        IdeFixture f = IdeFixture.of(dir, "app.yang", app, "base@2025-02-03.yang", BASE, "base@2024-01-01.yang", OLD_BASE);
        String fixed = fix(f, IndexCodes.REVISION_NOT_FOUND, "Use revision 2025-02-03 of 'base'");
        assertThat(fixed).isEqualTo(f.text(f.cursorUri).replace("2023-05-05", "2025-02-03"));
    }

    @Test
    void yang11ConstructInsertsYangVersionFirstInTheHeader() {
        String app = """
                module app {
                  namespace "urn:app";
                  prefix a;
                  |anydata blob;
                }
                """;
        IdeFixture f = IdeFixture.of(dir, "app.yang", app);
        String fixed = fix(f, CheckCodes.REQUIRES_YANG_1_1, "Declare yang-version 1.1");
        assertThat(fixed).isEqualTo(f.text(f.cursorUri).replace("module app {\n", "module app {\n  yang-version 1.1;\n"));
    }

    @Test
    void yang11ConstructReplacesYangVersion1() {
        String app = """
                module app {
                  yang-version 1;
                  namespace "urn:app";
                  prefix a;
                  |anydata blob;
                }
                """;
        IdeFixture f = IdeFixture.of(dir, "app.yang", app);
        String fixed = fix(f, CheckCodes.REQUIRES_YANG_1_1, "Declare yang-version 1.1");
        assertThat(fixed).isEqualTo(f.text(f.cursorUri).replace("yang-version 1;", "yang-version 1.1;"));
    }

    @Test
    void unusedImportIsDeletedWithItsLine() {
        String app = """
                module app {
                  namespace "urn:app";
                  prefix a;
                  import |base {
                    prefix b;
                  }
                  leaf load { type uint8; }
                }
                """;
        IdeFixture f = IdeFixture.of(dir, "app.yang", app, "base.yang", BASE);
        String fixed = fix(f, CheckCodes.UNUSED_IMPORT, "Remove unused import 'base'");
        assertThat(fixed).isEqualTo("""
                module app {
                  namespace "urn:app";
                  prefix a;
                  leaf load { type uint8; }
                }
                """);
    }

    @Test
    void diagnosticsOutsideTheRangeAndCodesWithoutAFixGiveNoAction() {
        String app = """
                module app {
                  namespace "urn:app";
                  prefix a;
                  import base { prefix b; }
                  leaf |load { type uint8; }
                }
                """;
        IdeFixture f = IdeFixture.of(dir, "app.yang", app, "base.yang", BASE);
        List<Diagnostic> all = f.service.diagnostics(f.cursorUri);
        assertThat(all).extracting(Diagnostic::code).contains(CheckCodes.UNUSED_IMPORT);
        assertThat(f.service.codeActions(f.cursorUri, Span.at(f.cursor), all)).isEmpty();
        URI uri = f.cursorUri;
        Diagnostic other = Diagnostic.error(Span.at(f.cursor), "no-such-code", "x");
        assertThat(f.service.codeActions(uri, Span.at(f.cursor), List.of(other))).isEmpty();
    }
}
