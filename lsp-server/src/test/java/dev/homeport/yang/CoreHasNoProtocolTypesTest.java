package dev.homeport.yang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The language core stays plain Java: no compiled class under dev.homeport.yang refers to LSP4J. */
class CoreHasNoProtocolTypesTest {

    @Test
    void noCoreClassReferencesLsp4j() throws IOException, URISyntaxException {
        Path classes = Path.of(YangLanguageService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path core = classes.resolve("dev/homeport/yang");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(core)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            // constant-pool class names are stored as UTF-8 with '/' separators
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(core.relativize(file).toString()).doesNotContain("org/eclipse/lsp4j");
        }
    }
}
