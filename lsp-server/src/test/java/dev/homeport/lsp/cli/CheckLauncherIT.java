package dev.homeport.lsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./homeport check} through the real launcher, as CI and pre-commit hooks run it: a separate process,
 * the packaged jar, exit codes and output as a caller sees them. Runs after 'package' (failsafe).
 */
class CheckLauncherIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(projectRoot().resolve("homeport").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the launcher ends").isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
    }

    static Path projectRoot() {
        Path start = Path.of(System.getProperty("homeport.project.root", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("homeport")) && Files.isDirectory(p.resolve("lsp-server"))) {
                return p;
            }
        }
        throw new IllegalStateException("no Homeport repository root above " + start);
    }

    @Test
    void reportsErrorsRelativeToTheWorkingDirectoryAndExitsOne() throws Exception {
        Files.writeString(dir.resolve("acme-types.yang"), CheckCommandTest.TYPES);
        Files.writeString(dir.resolve("acme-app.yang"), CheckCommandTest.APP.replace("default 50;", "default 150;"));
        Run r = launch("check", ".");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out().lines().toList()).containsExactly(
                "acme-app.yang:8:42: error: invalid default for type 'at:percent': '150' is outside the range 0..100"
                        + " [invalid-default]");
        assertThat(r.err()).contains("2 files, 1 errors, 0 warnings");
    }

    @Test
    void validModulesExitZeroAndJsonParses() throws Exception {
        Files.writeString(dir.resolve("acme-types.yang"), CheckCommandTest.TYPES);
        Files.writeString(dir.resolve("acme-app.yang"), CheckCommandTest.APP);
        Run r = launch("check", "--format", "json", "acme-app.yang");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(json.get("files").getAsInt()).isEqualTo(1);
        assertThat(json.get("errors").getAsInt()).isZero();
        assertThat(json.getAsJsonArray("diagnostics")).isEmpty();
    }

    @Test
    void aMissingFileIsAUsageError() throws Exception {
        Run r = launch("check", "missing.yang");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing.yang does not exist");
        assertThat(r.out()).isEmpty();
    }
}
