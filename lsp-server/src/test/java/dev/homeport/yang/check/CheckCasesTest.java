package dev.homeport.yang.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.feature.DiagnosticsFeature;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.testing.Marked;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our checks on small modules, one case each: {@code [[...]]} marks every span a diagnostic must cover, given in
 * {@code codes} in the same order, and nothing else may be reported (warnings included), so the valid constructs
 * in each case (choice shorthand, deref, uses with refine and augment, structures...) prove there is no false
 * report. Full diagnostics, yangtools included.
 */
class CheckCasesTest {
    private static final String LIB = """
            module lib {
              yang-version 1.1;
              namespace "urn:lib";
              prefix lib;
              feature fast;
              identity animal;
              identity dog { base animal; }
              extension note { argument text; }
              grouping named { leaf name { type string; } container details { leaf note { type string; } } }
              container things {
                list thing {
                  key "id";
                  leaf id { type string; }
                  leaf size { type uint8; }
                }
              }
            }
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                valid("choice shorthand, deref, uses with refine and augment, identityref default", """
                        container top {
                          leaf ref { type leafref { path "/lib:things/lib:thing/lib:id"; } }
                          leaf size-of-ref { type leafref { path "deref(../ref)/../lib:size"; } }
                          choice shape {
                            leaf circle { type uint8; }
                            case square { leaf side { type uint8; } }
                          }
                          leaf circle-copy { type leafref { path "../circle"; } }
                          uses lib:named {
                            refine "name" { default "x"; }
                            augment "details" { leaf more { type string; } }
                          }
                          leaf more-copy { type leafref { path "../details/more"; } }
                          leaf kind { type identityref { base lib:animal; } default "lib:dog"; }
                          leaf when-fast { if-feature "lib:fast and not lib:fast"; type string; lib:note "hi"; }
                        }
                        """),
                of("unknown feature and extension", List.of(CheckCodes.UNKNOWN_FEATURE, CheckCodes.UNKNOWN_EXTENSION), """
                        leaf a { if-feature [["lib:fast or lib:slow"]]; type string; [[lib:nothing]] "x"; }
                        """),
                of("unused import and unused nested grouping", List.of(CheckCodes.UNUSED_IMPORT, CheckCodes.UNUSED_GROUPING), """
                        container c { grouping [[spare]] { leaf x { type string; } } }
                        """, "  import [[ietf-yang-types]] { prefix yang; }\n"),
                of("a keyless list in a grouping is fine where it is state", List.of(CheckCodes.MISSING_KEY), """
                        grouping rows { list [[row]] { leaf v { type string; } } }
                        container state { config false; uses rows; }
                        container conf { uses rows; }
                        """),
                of("configuration referring to state", List.of(CheckCodes.LEAFREF_TO_STATE), """
                        container st { config false; leaf v { type string; } }
                        leaf r { type leafref { path [["/st/v"]]; } }
                        leaf r2 { type leafref { path "/st/v"; require-instance false; } }
                        """),
                of("a leafref through a union and a typedef", List.of(CheckCodes.UNRESOLVED_LEAFREF), """
                        typedef thing-ref { type leafref { path [["/lib:things/lib:thing/lib:nothing"]]; } }
                        leaf u { type union { type string; type thing-ref; } }
                        """),
                of("structure paths start at the structure (RFC 8791)", List.of(CheckCodes.UNRESOLVED_LEAFREF), """
                        sx:structure msg {
                          leaf id { type string; }
                          leaf good { type leafref { path "/id"; } }
                          leaf bad { type leafref { path [["/lib:things/lib:thing/lib:id"]]; } }
                        }
                        """, "  import ietf-yang-structure-ext { prefix sx; }\n"),
                of("RFC 8407 conventions", List.of(CheckCodes.PREFIX_CONVENTION, CheckCodes.NAMING_CONVENTION), """
                        leaf [[Bad_Name]] { type yt:counter32; }
                        """, "  import ietf-yang-types { prefix [[yt]]; }\n"),
                of("revisions newest first", List.of(CheckCodes.REVISION_ORDER), "",
                        "  revision 2020-01-01;\n  revision [[2021-01-01]];\n"),
                of("XSD patterns", List.of(CheckCodes.INVALID_PATTERN, CheckCodes.INVALID_PATTERN, CheckCodes.INVALID_LENGTH), """
                        leaf p1 { type string { pattern [['(?:ab)+']]; } }
                        leaf p2 { type string { pattern [['a+?']]; } }
                        leaf p3 { type string { pattern '\\d{2}[a-z-[aeiou]]\\p{L}'; length [["5..3"]]; } }
                        """),
                of("defaults", List.of(CheckCodes.INVALID_DEFAULT, CheckCodes.INVALID_DEFAULT, CheckCodes.INVALID_DEFAULT), """
                        leaf d1 { type enumeration { enum a; enum b; } default [[c]]; }
                        leaf d2 { type decimal64 { fraction-digits 2; } default [["1.234"]]; }
                        leaf d3 { type identityref { base lib:dog; } default [["lib:animal"]]; }
                        leaf d4 { type bits { bit x; bit y; } default "x y"; }
                        leaf d5 { type int8; default "0x10"; }
                        """),
                of("deviation and augment targets", List.of(CheckCodes.UNRESOLVED_DEVIATION_TARGET,
                        CheckCodes.UNRESOLVED_AUGMENT_TARGET), """
                        deviation [["/lib:things/lib:thingz"]] { deviate not-supported; }
                        augment [["/lib:things/lib:thing/lib:size"]] { leaf x { type string; } }
                        augment "/lib:things/lib:thing" { leaf extra { type string; } }
                        """));
    }

    private static Arguments valid(String name, String body) {
        return Arguments.of(name, List.of(), body, "");
    }

    private static Arguments of(String name, List<String> codes, String body) {
        return Arguments.of(name, codes, body, "");
    }

    private static Arguments of(String name, List<String> codes, String body, String header) {
        return Arguments.of(name, codes, body, header);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheMarkedProblems(String name, List<String> codes, String body, String header) throws IOException {
        Files.writeString(dir.resolve("lib.yang"), LIB);
        Path corpus = dev.homeport.yang.corpus.Corpus.root();
        Files.copy(corpus.resolve("ietf/ietf-yang-types@2013-07-15.yang"), dir.resolve("ietf-yang-types@2013-07-15.yang"));
        Files.copy(corpus.resolve("ietf/ietf-yang-structure-ext@2020-06-17.yang"),
                dir.resolve("ietf-yang-structure-ext@2020-06-17.yang"));
        String lib = body.contains("lib:") ? "  import lib { prefix lib; }\n" : "";
        Marked marked = Marked.of("module test {\n  yang-version 1.1;\n  namespace \"urn:test\";\n  prefix t;\n"
                + lib + header + body + "}\n");
        Path file = dir.resolve("test.yang");
        Files.writeString(file, marked.text());
        WorkspaceIndex index = new WorkspaceIndex(true);
        index.configure(List.of(dir), List.of(), PathExpander.of(Map.of(), dir, dir));
        List<Diagnostic> all = new DiagnosticsFeature(index).diagnostics(file.toUri());
        List<String> shown = new ArrayList<>();
        for (Diagnostic d : all) {
            shown.add(d.code() + " '" + d.span().textIn(marked.text()) + "' " + d.message());
        }
        assertThat(all).as("%s", shown).extracting(Diagnostic::span).containsExactlyElementsOf(sorted(marked.spans()));
        for (int i = 0; i < codes.size(); i++) {
            Span span = marked.spans().get(i);
            String code = codes.get(i);
            assertThat(all).as("%s at %s in %s", code, span, shown)
                    .anyMatch(d -> d.span().equals(span) && d.code().equals(code));
        }
    }

    @org.junit.jupiter.api.Test
    void includesAndRevisionImportsAcrossYangVersionsAreReported() throws IOException {
        Files.writeString(dir.resolve("new.yang"), "module new { yang-version 1.1; namespace \"urn:new\"; prefix n;"
                + " revision 2024-01-01; leaf x { type string; } }\n");
        Files.writeString(dir.resolve("part.yang"), "submodule part { belongs-to old { prefix o; } leaf y { type string; } }\n");
        Marked marked = Marked.of("module old {\n  namespace \"urn:old\";\n  prefix o;\n"
                + "  import [[new]] { prefix n; revision-date 2024-01-01; }\n  include part;\n"
                + "  leaf z { type leafref { path \"/n:x\"; } }\n}\n");
        Files.writeString(dir.resolve("old.yang"), marked.text());
        Files.writeString(dir.resolve("part.yang"), "submodule part { yang-version 1.1; belongs-to old { prefix o; }"
                + " leaf y { type string; } }\n");
        WorkspaceIndex index = new WorkspaceIndex(true);
        index.configure(List.of(dir), List.of(), PathExpander.of(Map.of(), dir, dir));
        List<Diagnostic> all = new DiagnosticsFeature(index).diagnostics(dir.resolve("old.yang").toUri());
        assertThat(all).as("%s", all).extracting(Diagnostic::code).containsExactly(CheckCodes.YANG_VERSION_MISMATCH,
                CheckCodes.YANG_VERSION_MISMATCH);
        assertThat(all.get(0).span()).isEqualTo(marked.span());
        assertThat(all.get(1).message()).contains("cannot include YANG 1.1 submodule 'part'");
    }

    private static List<Span> sorted(List<Span> spans) {
        return spans.stream().sorted().toList();
    }
}
