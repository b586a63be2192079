package dev.homeport.lsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.homeport.yang.feature.DiagnosticCode;
import dev.homeport.yang.feature.DiagnosticCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code homeport check} in process: output format, exit codes, JSON, options. */
class CheckCommandTest {
    static final String TYPES = """
            module acme-types {
              yang-version 1.1;
              namespace "urn:acme:types";
              prefix at;
              revision 2024-01-01 { description "first"; }
              typedef percent { type uint8 { range "0..100"; } }
            }
            """;
    static final String APP = """
            module acme-app {
              yang-version 1.1;
              namespace "urn:acme:app";
              prefix app;
              import acme-types { prefix at; }
              revision 2024-01-01 { description "first"; }
              container settings {
                leaf load { type at:percent; default 50; }
              }
            }
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = LspMain.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aValidWorkspaceExitsZeroWithoutOutput() throws IOException {
        write("acme-types.yang", TYPES);
        write("acme-app.yang", APP);
        Run r = run("check", dir.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(CheckCommand.EXIT_OK);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("2 files, 0 errors, 0 warnings");
    }

    @Test
    void errorsArePrintedAsFileLineColumnSeverityMessageCodeAndExitOne() throws IOException {
        write("acme-types.yang", TYPES);
        Path app = write("acme-app.yang", APP.replace("    leaf load { type at:percent; default 50; }\n",
                "    leaf load { type at:percent; default 150; }\n    leaf other { type at:percentage; }\n"));
        Run r = run("check", app.toString());
        assertThat(r.exit()).isEqualTo(CheckCommand.EXIT_ERRORS);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).allMatch(l -> l.matches("[^:]+:\\d+:\\d+: (error|warning|info): .+ \\[[a-z0-9.\\-]+\\]"));
        String file = app.toString();
        assertThat(lines).containsExactly(
                file + ":8:42: error: invalid default for type 'at:percent': '150' is outside the range 0..100 [invalid-default]",
                file + ":9:23: error: no typedef 'percentage' in module 'acme-types' [unknown-type]");
    }

    @Test
    void onlyTheNamedFilesAreReportedTheirFolderResolvesImports() throws IOException {
        write("acme-types.yang", TYPES.replace("range \"0..100\"", "range \"0..300\""));
        Path app = write("acme-app.yang", APP);
        Run r = run("check", app.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(CheckCommand.EXIT_OK);
        assertThat(run("check", dir.resolve("acme-types.yang").toString()).out()).contains("[invalid-range]");
    }

    @Test
    void searchPathEntriesResolveImportsAndAreNotReported() throws IOException {
        Path lib = dir.resolve("lib");
        write("lib/acme-types.yang", TYPES.replace("prefix at;", "prefix at;\n  leaf Bad_Name { type string; }"));
        Path app = write("src/acme-app.yang", APP);
        Run without = run("check", app.getParent().toString());
        assertThat(without.exit()).isEqualTo(CheckCommand.EXIT_ERRORS);
        assertThat(without.out()).contains("[unresolved-import]");
        Run with = run("check", "--path", lib.toString(), app.getParent().toString());
        assertThat(with.exit()).as(with.out()).isEqualTo(CheckCommand.EXIT_OK);
        assertThat(with.out()).doesNotContain("Bad_Name");
    }

    @Test
    void jsonHasOneObjectPerDiagnosticAndTheCounts() throws IOException {
        write("acme-types.yang", TYPES);
        Path app = write("acme-app.yang", APP.replace("default 50;", "default 150;").replace("container settings",
                "container Settings"));
        Run r = run("check", "--format", "json", app.toString());
        assertThat(r.exit()).isEqualTo(CheckCommand.EXIT_ERRORS);
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(json.get("files").getAsInt()).isEqualTo(1);
        assertThat(json.get("errors").getAsInt()).isEqualTo(1);
        assertThat(json.get("warnings").getAsInt()).isEqualTo(1);
        JsonArray diagnostics = json.getAsJsonArray("diagnostics");
        assertThat(diagnostics).hasSize(2);
        JsonObject warning = diagnostics.get(0).getAsJsonObject();
        assertThat(warning.get("file").getAsString()).isEqualTo(app.toString());
        assertThat(warning.get("line").getAsInt()).isEqualTo(7);
        assertThat(warning.get("column").getAsInt()).isEqualTo(13);
        assertThat(warning.get("endLine").getAsInt()).isEqualTo(7);
        assertThat(warning.get("endColumn").getAsInt()).isEqualTo(21);
        assertThat(warning.get("severity").getAsString()).isEqualTo("warning");
        assertThat(warning.get("code").getAsString()).isEqualTo("naming-convention");
        JsonObject error = diagnostics.get(1).getAsJsonObject();
        assertThat(error.get("severity").getAsString()).isEqualTo("error");
        assertThat(error.get("code").getAsString()).isEqualTo("invalid-default");
        assertThat(error.get("message").getAsString()).contains("'150' is outside the range 0..100");
    }

    @Test
    void severitiesAreSetPerCode() throws IOException {
        write("acme-types.yang", TYPES);
        Path app = write("acme-app.yang", APP.replace("default 50;", "default 150;").replace("container settings",
                "container Settings"));
        Run r = run("check", "-s", "invalid-default=warning", "--severity", "naming-convention=off", app.toString());
        assertThat(r.exit()).isEqualTo(CheckCommand.EXIT_OK);
        assertThat(r.out().lines().toList()).singleElement().asString()
                .contains(": warning: ").endsWith("[invalid-default]");
    }

    @Test
    void usageErrorsExitTwoWithAClearMessage() throws IOException {
        Run none = run("check");
        assertThat(none.exit()).isEqualTo(CheckCommand.EXIT_USAGE);
        assertThat(none.err()).contains("name at least one YANG file or folder");

        Run missing = run("check", dir.resolve("nothing.yang").toString());
        assertThat(missing.exit()).isEqualTo(CheckCommand.EXIT_USAGE);
        assertThat(missing.err()).contains("does not exist");

        Path text = write("notes.txt", "hello");
        Run notYang = run("check", text.toString());
        assertThat(notYang.exit()).isEqualTo(CheckCommand.EXIT_USAGE);
        assertThat(notYang.err()).contains("is not a .yang file");

        write("acme-types.yang", TYPES);
        Run badCode = run("check", "-s", "no-such-code=off", dir.toString());
        assertThat(badCode.exit()).isEqualTo(CheckCommand.EXIT_USAGE);
        assertThat(badCode.err()).contains("unknown diagnostic code no-such-code");

        Run badLevel = run("check", "-s", "unknown-type=fatal", dir.toString());
        assertThat(badLevel.exit()).isEqualTo(CheckCommand.EXIT_USAGE);
        assertThat(badLevel.err()).contains("unknown severity 'fatal'");

        Run badFormat = run("check", "--format", "xml", dir.toString());
        assertThat(badFormat.exit()).isEqualTo(CheckCommand.EXIT_USAGE);
        assertThat(badFormat.err()).contains("--format must be text or json");

        Run badOption = run("check", "--frobnicate", dir.toString());
        assertThat(badOption.exit()).isEqualTo(CheckCommand.EXIT_USAGE);
        assertThat(badOption.err()).contains("Unknown option");
    }

    @Test
    void listCodesShowsEveryCodeWithItsDefault() {
        Run r = run("check", "--list-codes");
        assertThat(r.exit()).isEqualTo(CheckCommand.EXIT_OK);
        for (DiagnosticCode c : DiagnosticCodes.all()) {
            assertThat(r.out()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(c.code()) + "\\s+"
                    + c.defaultLevel().label() + "\\s");
        }
    }
}
