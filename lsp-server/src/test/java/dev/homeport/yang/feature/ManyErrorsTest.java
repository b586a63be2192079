package dev.homeport.yang.feature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.check.CheckCodes;
import dev.homeport.yang.semantic.SemanticCodes;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Severity;
import dev.homeport.yang.text.Span;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One module with errors that yangtools finds in different reactor phases, and errors only our checks find:
 * all are reported at once, each on its token, not just the first phase's.
 */
class ManyErrorsTest {
    private static final String IP = "ietf-ip@2018-02-22.yang";

    @TempDir
    Path dir;

    @Test
    void errorsOfEveryPhaseAndEveryCheckComeOutOfOneRun() {
        SeededModules m = new SeededModules(dir, "ietf/" + IP, "ietf/ietf-interfaces@2018-02-20.yang",
                "ietf/ietf-inet-types@2013-07-15.yang", "ietf/ietf-yang-types@2013-07-15.yang")
                // bottom-up, so that the published line numbers hold
                // yangtools, effective-model phase: a second augment (below) adds a node this one adds too;
                // yangtools reports the node that comes second
                .edit(IP, 271, "container ipv6 {", "container [[ipv6]] {")
                // own check: a range wider than its type
                .edit(IP, 184, "\"68..max\"", "[[\"68..70000\"]]")
                // yangtools, full-declaration phase: a node declared twice in one container
                .edit(IP, 172, "leaf forwarding {", "leaf forwarding {\n        type boolean;\n      }\n"
                        + "      leaf [[forwarding]] {")
                // own checks: unknown grouping, unknown type
                .edit(IP, 156, "container ipv4 {", "container ipv4 {\n      uses [[no-such-grouping]];\n"
                        + "      leaf bad { type [[inet:ipv4-addresz]]; }")
                .edit(IP, 149, "augment \"/if:interfaces/if:interface\" {", "augment \"/if:interfaces/if:interface\" {\n"
                        + "    container ipv6 { presence \"twice\"; }\n  }\n  augment \"/if:interfaces/if:interface\" {");
        List<Diagnostic> all = m.diagnostics();
        List<Diagnostic> errors = all.stream().filter(d -> d.severity() == Severity.ERROR).toList();
        List<Span> expected = m.expected();
        // marked in the order written: ipv6, range, forwarding, grouping, type
        assertThat(errors).as(m.describe(all)).extracting(Diagnostic::span).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(codeAt(errors, expected.get(0))).isEqualTo(SemanticCodes.DUPLICATE_NODE);
        assertThat(codeAt(errors, expected.get(1))).isEqualTo(CheckCodes.INVALID_RANGE);
        assertThat(codeAt(errors, expected.get(2))).isEqualTo(SemanticCodes.DUPLICATE_NODE);
        assertThat(codeAt(errors, expected.get(3))).isEqualTo(CheckCodes.UNKNOWN_GROUPING);
        assertThat(codeAt(errors, expected.get(4))).isEqualTo(CheckCodes.UNKNOWN_TYPE);
    }

    private static String codeAt(List<Diagnostic> diagnostics, Span span) {
        return diagnostics.stream().filter(d -> d.span().equals(span)).map(Diagnostic::code).findFirst().orElse(null);
    }
}
