package dev.homeport.yang.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.homeport.yang.feature.DiagnosticsFeature;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Modules that loop on themselves or are half written: the diagnostics come back (no exception, no hang, no
 * internal error) and name the problem.
 */
class HostileModulesTest {
    @TempDir
    Path dir;

    static Stream<Arguments> modules() {
        return Stream.of(
                Arguments.of("a grouping that uses itself", "grouping g { container c { uses g; } } container top { uses g; }"),
                Arguments.of("groupings that use each other", "grouping a { container x { uses b; } } grouping b { container y { uses a; } } uses a;"),
                Arguments.of("a typedef cycle", "typedef a { type b; } typedef b { type a; } leaf l { type a; default 1; }"),
                Arguments.of("an identity cycle", "identity a { base b; } identity b { base a; } leaf l { type identityref { base a; } default b; }"),
                Arguments.of("a leafref to itself", "leaf l { type leafref { path \"../l\"; } }"),
                Arguments.of("deref of itself", "leaf l { type leafref { path \"deref(../l)/../l\"; } }"),
                Arguments.of("an augment of a node it adds itself", "container c; augment \"/t:c/t:d\" { container e { uses g; } }"
                        + " augment \"/t:c\" { container d { uses g; } } grouping g { leaf x { type string; } } leaf bad { type nope; }"),
                Arguments.of("half-typed statements", "container c { leaf ; uses ; type ; augment { } refine ; list l { key ; } }"),
                Arguments.of("broken syntax", "container c { leaf x { type string } leaf y { type \"unterminated }"),
                Arguments.of("a thousand nested containers", "container c { ".repeat(1000) + "leaf x { type strin; }" + " }".repeat(1000)),
                Arguments.of("ten thousand nested containers", "container c { ".repeat(10_000) + "leaf x { type string; }" + " }".repeat(10_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void diagnosesWithoutFailing(String name, String body) throws IOException {
        Path file = dir.resolve("t.yang");
        Files.writeString(file, "module t {\n  yang-version 1.1;\n  namespace \"urn:t\";\n  prefix t;\n" + body + "\n}\n");
        WorkspaceIndex index = new WorkspaceIndex(true);
        index.configure(List.of(dir), List.of(), PathExpander.of(Map.of(), dir, dir));
        List<Diagnostic> all = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new DiagnosticsFeature(index).diagnostics(file.toUri()));
        assertThat(all).noneMatch(d -> d.code().equals(Checks.INTERNAL_ERROR));
        assertThat(all).as("%s", all).anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
