package dev.homeport.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.homeport.yang.feature.SeverityLevel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shapes in which clients send {@code homeport.yang} settings, and what becomes of bad ones. */
class LspSettingsTest {
    private static LspSettings read(String json) {
        return LspSettings.from(JsonParser.parseString(json));
    }

    @Test
    void nestedSectionsAsVsCodeSendsThem() {
        LspSettings s = read("""
                {"homeport": {"yang": {"path": ["~/yang", "${env:X}/a.zip"],
                  "diagnostics": {"unused-import": "off", "prefix-convention": "error"},
                  "moduleCache": "/tmp/c", "useModuleCache": false}}}""");
        assertThat(s.path()).containsExactly("~/yang", "${env:X}/a.zip");
        assertThat(s.diagnostics().levels()).containsEntry("unused-import", SeverityLevel.OFF)
                .containsEntry("prefix-convention", SeverityLevel.ERROR);
        assertThat(s.moduleCache()).contains("/tmp/c");
        assertThat(s.useModuleCache()).isFalse();
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void dottedKeysAndTheBareSectionMeanTheSame() {
        LspSettings dotted = read("""
                {"homeport.yang.path": ["a"], "homeport.yang.diagnostics": {"unused-import": "info"}}""");
        LspSettings bare = read("""
                {"path": ["a"], "diagnostics": {"unused-import": "info"}}""");
        assertThat(dotted).isEqualTo(bare);
        assertThat(dotted.path()).containsExactly("a");
        assertThat(dotted.diagnostics().levels()).containsEntry("unused-import", SeverityLevel.INFO);
    }

    @Test
    void badEntriesAreReportedAndTheRestApplies() {
        LspSettings s = read("""
                {"homeport": {"yang": {"path": ["ok", 3],
                  "diagnostics": {"no-such-code": "off", "unused-import": "loud", "unused-grouping": "off"},
                  "useModuleCache": "yes"}}}""");
        assertThat(s.path()).containsExactly("ok");
        assertThat(s.diagnostics().levels()).containsOnlyKeys("unused-grouping");
        assertThat(s.useModuleCache()).isTrue();
        assertThat(s.problems()).hasSize(4);
        assertThat(String.join("\n", s.problems())).contains("no-such-code").contains("loud").contains("3")
                .contains("useModuleCache");
    }

    @Test
    void noSettingsAreTheDefaults() {
        assertThat(LspSettings.from(null)).isEqualTo(LspSettings.DEFAULTS);
        assertThat(read("{}")).isEqualTo(LspSettings.DEFAULTS);
        assertThat(read("[1, 2]")).isEqualTo(LspSettings.DEFAULTS);
        assertThat(LspSettings.DEFAULTS.moduleCache()).isEqualTo(Optional.empty());
        assertThat(LspSettings.DEFAULTS.path()).isEqualTo(List.of());
    }

    @Test
    void canonicalOrderFormattingInEveryShape() {
        assertThat(LspSettings.DEFAULTS.canonicalOrder()).isFalse();
        assertThat(read("""
                {"homeport": {"yang": {"format": {"canonicalOrder": true}}}}""").canonicalOrder()).isTrue();
        assertThat(read("""
                {"homeport.yang.format.canonicalOrder": true}""").canonicalOrder()).isTrue();
        assertThat(read("""
                {"format": {"canonicalOrder": true}}""").canonicalOrder()).isTrue();
        LspSettings bad = read("""
                {"homeport": {"yang": {"format": {"canonicalOrder": "yes"}}}}""");
        assertThat(bad.canonicalOrder()).isFalse();
        assertThat(bad.problems()).singleElement().asString().contains("format.canonicalOrder");
    }
}
