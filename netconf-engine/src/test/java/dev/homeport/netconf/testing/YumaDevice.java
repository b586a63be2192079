package dev.homeport.netconf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real NETCONF device for tests: yuma123 netconfd behind OpenSSH on a free loopback port, NETCONF over TLS
 * (socat's OpenSSL server in front of netconfd), plus RFC 8071 call-home devices over SSH (socat + sshd -i) and TLS,
 * driven through the project's {@code tools/yuma-device.sh}. Each instance has its own
 * directory, port and keys; {@link #close()} stops every process it started.
 */
public final class YumaDevice implements AutoCloseable {

    /** How to start the device. */
    public static final class Options {
        String target = "candidate";
        boolean withStartup;
        String protocols = "";
        String modules;
        String hostKeyType = "ed25519";
        boolean keyboardInteractive;
        String extraArgs = "";
        int callHomeRetrySeconds;
        boolean callHomeCapture;

        public Options target(String t) {
            this.target = t;
            return this;
        }

        public Options withStartup(boolean b) {
            this.withStartup = b;
            return this;
        }

        /** e.g. {@code netconf1.0} to allow only end-of-message framing. */
        public Options protocols(String p) {
            this.protocols = p;
            return this;
        }

        public Options modules(String m) {
            this.modules = m;
            return this;
        }

        public Options hostKeyType(String t) {
            this.hostKeyType = t;
            return this;
        }

        /** sshd offers keyboard-interactive (through PAM) instead of password authentication. */
        public Options keyboardInteractive(boolean b) {
            this.keyboardInteractive = b;
            return this;
        }

        public Options extraArgs(String a) {
            this.extraArgs = a;
            return this;
        }

        /** Call-home devices dial again this many seconds after their connection ends (0: once). */
        public Options callHomeRetry(int seconds) {
            this.callHomeRetrySeconds = seconds;
            return this;
        }

        /** TLS call-home devices dump the bytes they relay (see {@link YumaDevice#callHomeCapture}). */
        public Options callHomeCapture(boolean b) {
            this.callHomeCapture = b;
            return this;
        }
    }

    /**
     * One call-home device as the script reports it: {@code publicKey} is the SSH host key, or for a TLS device its
     * certificate; {@code fingerprint} is computed by ssh-keygen or openssl.
     */
    public record CallHomeDevice(int id, String sourceAddress, String fingerprint, Path publicKey) {
    }

    public static final String USER = "ncuser";
    public static final String PASSWORD = "ncpass";

    private final Options options;
    private final Path base;
    private final int port;
    private final Path script;

    private YumaDevice(Options options, Path base, int port) {
        this.options = options;
        this.base = base;
        this.port = port;
        this.script = ProjectPaths.root().resolve("tools/yuma-device.sh");
    }

    public static YumaDevice start() {
        return start(new Options());
    }

    public static YumaDevice start(Options options) {
        try {
            Path base = Files.createTempDirectory("homeport-yuma-");
            // sshd and netconfd (running as ncuser) must traverse it
            base.toFile().setReadable(true, false);
            base.toFile().setExecutable(true, false);
            YumaDevice d = new YumaDevice(options, base, FreePorts.next());
            d.run("start");
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Path baseDir() {
        return base;
    }

    /** The private key that the device accepts for {@link #user()}. */
    public Path clientKey() {
        return base.resolve("keys/client_" + options.hostKeyType);
    }

    public Path listenHostKey() {
        return base.resolve("keys/listen_" + options.hostKeyType + ".pub");
    }

    /** The listening sshd's host key fingerprint, as {@code ssh-keygen -lf} prints it. */
    public String listenFingerprint() {
        return fingerprint(listenHostKey());
    }

    /** netconfd's data directory: where {@code file:///NAME} URLs of the :url capability read and write. */
    public Path datastoreDir() {
        return base.resolve("run/nc");
    }

    public Path netconfdLog() {
        return base.resolve("run/nc/netconfd.log");
    }

    /**
     * What the device processes are doing, for failure messages: the script's status and the last lines netconfd
     * wrote to stdout/stderr (where it reports assertion failures) and to its log.
     */
    public String diagnostics() {
        StringBuilder sb = new StringBuilder();
        try {
            sb.append(runForOutput("status"));
        } catch (RuntimeException e) {
            sb.append("status failed: ").append(e.getMessage()).append('\n');
        }
        for (Path p : List.of(base.resolve("run/nc/netconfd.out"), netconfdLog())) {
            List<String> lines = readLines(p);
            sb.append("--- ").append(p.getFileName()).append(" (last 15 lines)\n");
            lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> sb.append(l).append('\n'));
        }
        return sb.toString();
    }

    /** Starts {@code count} devices with ids {@code firstId..} that call home to host:port. */
    public List<CallHomeDevice> callHome(String host, int managerPort, int count, int firstId) {
        Map<String, String> env = new HashMap<>();
        env.put("CALLHOME_FIRST_ID", Integer.toString(firstId));
        run(env, "callhome", host, Integer.toString(managerPort), Integer.toString(count));
        List<CallHomeDevice> out = new ArrayList<>();
        for (String line : readLines(base.resolve("run/callhome/devices.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            int id = Integer.parseInt(f[0].substring(3));
            if (id >= firstId && id < firstId + count) {
                out.add(new CallHomeDevice(id, f[1], f[2], Path.of(f[3])));
            }
        }
        out.sort(Comparator.comparingInt(CallHomeDevice::id));
        return out;
    }

    // ---------------------------------------------------------------- NETCONF over TLS

    /**
     * Serves NETCONF over TLS (RFC 7589) on a free loopback port: socat's OpenSSL TLS server with this certificate and
     * key, requiring a client certificate issued by {@code ca}, in front of netconfd. Returns the port.
     */
    public int tlsListen(Path cert, Path key, Path ca) {
        int p = FreePorts.next();
        run("tls-listen", Integer.toString(p), cert.toString(), key.toString(), ca.toString());
        return p;
    }

    public void stopTls(int tlsPort) {
        run("stop-tls", Integer.toString(tlsPort));
    }

    /**
     * What the device's TLS server recorded for each session on that port, one line each: TLS version, cipher, the
     * client certificate's subject and issuer as OpenSSL verified them.
     */
    public List<String> tlsSessions(int tlsPort) {
        return readLines(base.resolve("run/tls" + tlsPort + ".sessions.log"));
    }

    /**
     * Starts device {@code id} calling home over TLS (RFC 8071 section 4) to host:port from its own 127.100.x.y
     * address: it is the TLS server (cert/key), requires a client certificate issued by {@code ca}, and relays to
     * netconfd. Call again with another certificate (after {@link #stopCallHome}) to "re-key" it.
     */
    public CallHomeDevice tlsCallHome(String host, int managerPort, Path cert, Path key, Path ca, int id) {
        run("tls-callhome", host, Integer.toString(managerPort), cert.toString(), key.toString(), ca.toString(),
                Integer.toString(id));
        for (String line : readLines(base.resolve("run/callhome/dev" + id + ".info"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4) {
                return new CallHomeDevice(id, f[1], f[2], Path.of(f[3]));
            }
        }
        throw new IllegalStateException("device " + id + " did not report itself");
    }

    /** TLS sessions of call-home device {@code id}, as its TLS server recorded them (see {@link #tlsSessions}). */
    public List<String> callHomeSessions(int id) {
        return readLines(base.resolve("run/callhome/dev" + id + ".sessions.log"));
    }

    /**
     * The raw bytes a TLS call-home device relayed between the manager's connection and its TLS server (with
     * {@link Options#callHomeCapture}): what went over the wire, toward the manager or toward the device.
     */
    public byte[] callHomeCapture(int id, boolean towardManager) {
        Path p = base.resolve("run/callhome/dev" + id + (towardManager ? ".to-manager.raw" : ".to-device.raw"));
        try {
            return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code SHA256:base64} of a PEM certificate, computed by openssl (an oracle independent of the engine). */
    public static String certificateFingerprint(Path cert) {
        String out = exec(List.of("bash", "-c", "openssl x509 -in \"$1\" -outform DER | openssl dgst -sha256 -binary "
                + "| base64 | tr -d '=\\n'", "_", cert.toString()), Map.of());
        return "SHA256:" + out.trim();
    }

    /** What {@code openssl x509 -noout -fingerprint -sha256} prints: {@code sha256 Fingerprint=AB:CD:...}. */
    public static String opensslFingerprintLine(Path cert) {
        return exec(List.of("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", cert.toString()), Map.of())
                .trim();
    }

    public void stopCallHome(int... ids) {
        List<String> args = new ArrayList<>(List.of("stop-devices"));
        for (int id : ids) {
            args.add(Integer.toString(id));
        }
        run(args.toArray(String[]::new));
    }

    /** Gives a call-home device a new host key (it keeps its source address). */
    public void rekey(int id) {
        run("rekey", Integer.toString(id));
    }

    /**
     * Gives call-home device {@code toId} the host key of device {@code fromId}: the same device calling again from
     * another source address (as behind NAT) while its first connection is still up. Call before starting toId.
     */
    public void shareCallHomeKey(int fromId, int toId) {
        Path from = base.resolve("keys/ch" + fromId + "_" + options.hostKeyType);
        Path to = base.resolve("keys/ch" + toId + "_" + options.hostKeyType);
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(Path.of(from + ".pub"), Path.of(to + ".pub"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates a client key of the given type and lets it log in; returns the private key file. */
    public Path authorizeNewClientKey(String type) {
        Path key = base.resolve("keys/extra_client_" + type);
        exec(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "extra-" + type, "-f", key.toString()), Map.of());
        run("authorize-key", key + ".pub");
        return key;
    }

    /** {@code ssh-keygen -lf} of a public key file: the SHA256 fingerprint. */
    public static String fingerprint(Path publicKey) {
        String out = exec(List.of("ssh-keygen", "-lf", publicKey.toString()), Map.of());
        return out.trim().split("\\s+")[1];
    }

    @Override
    public void close() {
        try {
            run("clean");
        } finally {
            deleteTree(base);
        }
    }

    // ---------------------------------------------------------------- process plumbing

    private void run(String... args) {
        run(Map.of(), args);
    }

    private String runForOutput(String... args) {
        return run(Map.of(), args);
    }

    private String run(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("DEVICE_BASE", base.toString());
        env.put("NC_PORT", Integer.toString(port));
        env.put("NC_TARGET", options.target);
        env.put("NC_WITH_STARTUP", Boolean.toString(options.withStartup));
        env.put("NC_PROTOCOLS", options.protocols);
        env.put("HOSTKEY_TYPE", options.hostKeyType);
        env.put("NC_KBDINT", options.keyboardInteractive ? "1" : "0");
        env.put("NC_EXTRA_ARGS", options.extraArgs);
        env.put("CALLHOME_RETRY", Integer.toString(options.callHomeRetrySeconds));
        env.put("CALLHOME_CAPTURE", options.callHomeCapture ? "1" : "0");
        if (options.modules != null) {
            env.put("NC_MODULES", options.modules);
        }
        env.putAll(extraEnv);
        List<String> cmd = new ArrayList<>();
        cmd.add("bash");
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        return exec(cmd, env);
    }

    private static String exec(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish within 120 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n"
                        + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory
        }
    }
}
