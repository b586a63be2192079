package dev.homeport.yang.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.yang.check.CheckCodes;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Severity;
import dev.homeport.yang.text.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticSettingsTest {
    private static final Diagnostic UNUSED = Diagnostic.warning(Span.of(0, 3), CheckCodes.UNUSED_IMPORT, "unused");
    private static final Diagnostic RANGE = Diagnostic.error(Span.of(5, 9), CheckCodes.INVALID_RANGE, "range");

    @Test
    void levelsChangeSeverityOrDropDiagnosticsPerCode() {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put(CheckCodes.UNUSED_IMPORT, "off");
        levels.put(CheckCodes.INVALID_RANGE, "Warning");
        List<Diagnostic> out = DiagnosticSettings.parse(levels).apply(List.of(UNUSED, RANGE));
        assertThat(out).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(CheckCodes.INVALID_RANGE);
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.span()).isEqualTo(RANGE.span());
        });
        assertThat(DiagnosticSettings.DEFAULTS.apply(List.of(UNUSED, RANGE))).containsExactly(UNUSED, RANGE);
        assertThat(DiagnosticSettings.DEFAULTS.with(CheckCodes.UNUSED_IMPORT, SeverityLevel.INFO).apply(List.of(UNUSED)))
                .singleElement().extracting(Diagnostic::severity).isEqualTo(Severity.INFORMATION);
    }

    @Test
    void unknownCodesAndLevelsAreRefusedByName() {
        assertThatThrownBy(() -> DiagnosticSettings.parse(Map.of("unused-imports", "off")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unused-imports");
        assertThatThrownBy(() -> DiagnosticSettings.parse(Map.of(CheckCodes.UNUSED_IMPORT, "loud")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loud");
    }

    @Test
    void everyCodeHasOneEntryWithAKnownOrigin() {
        assertThat(DiagnosticCodes.all()).extracting(DiagnosticCode::code).doesNotHaveDuplicates();
        assertThat(DiagnosticCodes.all()).extracting(DiagnosticCode::origin)
                .allMatch(o -> List.of("syntax", "index", "check", "yangtools", "service").contains(o));
        assertThat(DiagnosticCodes.defaultSeverity(CheckCodes.NAMING_CONVENTION)).isEqualTo(Severity.WARNING);
    }
}
