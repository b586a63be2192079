package dev.homeport.netconf.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code homeport} command lines in-process through {@link EngineMain#run(CommandIo, String...)}. */
final class Cli {
    /** What a finished command left: exit code, stdout, stderr. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** A command running in its own thread; its output can be read while it runs. */
    static final class Running {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();
        private final Thread thread;

        Running(Map<String, String> env, String stdin, String... args) {
            CommandIo io = CommandIo.of(out, err, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            thread = Thread.ofPlatform().name("cli-" + String.join(" ", args)).start(() -> {
                try {
                    exit.complete(EngineMain.run(io, args));
                } catch (Throwable t) {
                    exit.completeExceptionally(t);
                }
            });
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        boolean isDone() {
            return exit.isDone();
        }

        /** Stops it the way an embedding program would: by interrupting its thread. */
        void interrupt() {
            thread.interrupt();
        }

        Result await(Duration timeout) throws Exception {
            int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(code, out(), err());
        }
    }

    private final Map<String, String> env;

    private Cli(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** A command environment with HOME at {@code home} (so ~/.ssh/known_hosts is the test's own) and nothing else. */
    static Cli withHome(java.nio.file.Path home) {
        return new Cli(Map.of("HOME", home.toString()));
    }

    Cli env(String name, String value) {
        Map<String, String> m = new HashMap<>(env);
        m.put(name, value);
        return new Cli(m);
    }

    Result run(String... args) throws Exception {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) throws Exception {
        return new Running(env, stdin, args).await(Duration.ofMinutes(3));
    }

    Running start(String... args) {
        return new Running(env, "", args);
    }

    static String[] args(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
