package dev.homeport.netconf.cli;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.transport.ssh.SshAuth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code -u USER (-p [PASS] | --key FILE)}: the SSH login of connect and listen. The password may also come from
 * {@value #PASSWORD_ENV} or a prompt ({@code -p} without a value); it is never printed. Over TLS, {@code --key} is the
 * private key of the client certificate (see {@link TlsOptions}) and {@code -u}/{@code -p} do not apply.
 */
public final class CredentialOptions {
    static final String PASSWORD_ENV = "HOMEPORT_NETCONF_PASSWORD";
    static final String PASSPHRASE_ENV = "HOMEPORT_NETCONF_KEY_PASSPHRASE";
    /** What picocli stores for {@code -p} without a value; a NUL cannot come from a real command line. */
    private static final String PROMPT = "\u0000prompt";

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "SSH user name (required for SSH).")
    String user;

    @Option(names = {"-p", "--password"}, arity = "0..1", fallbackValue = PROMPT, paramLabel = "PASS",
            description = "SSH password (password and keyboard-interactive authentication). Without a value it is "
                    + "asked for; safer than the command line: environment variable " + PASSWORD_ENV + ".")
    String password;

    @Option(names = {"-k", "--key"}, paramLabel = "FILE",
            description = "Private key file (OpenSSH or PEM: ed25519, ecdsa, rsa), tried before the password; "
                    + "with TLS the private key of --cert.")
    Path key;

    @Option(names = "--passphrase", arity = "0..1", fallbackValue = PROMPT, paramLabel = "PASS",
            description = "Passphrase of an encrypted --key; without a value it is asked for "
                    + "(or environment variable " + PASSPHRASE_ENV + ").")
    String passphrase;

    /** The SSH login options given, by name: they are refused over TLS. */
    List<String> sshOnlyGiven() {
        List<String> out = new ArrayList<>();
        if (user != null) {
            out.add("-u/--user");
        }
        if (password != null) {
            out.add("-p/--password");
        }
        return out;
    }

    /** The passphrase of --key: --passphrase (asked for without a value), else {@value #PASSPHRASE_ENV}, else null. */
    char[] keyPassphrase(CommandIo io) throws UsageException, IOException {
        return passphrase == null ? io.env(PASSPHRASE_ENV).map(String::toCharArray).orElse(null)
                : secret(io, passphrase, "Passphrase for " + key + ": ");
    }

    /** Builds the credentials, prompting where asked; fails before any connection is made. */
    SshAuth toAuth(CommandIo io) throws UsageException, IOException {
        return toAuth(io, true);
    }

    /**
     * As {@link #toAuth(CommandIo)}; without {@code useKey} the --key file is left out (it is the TLS key when a
     * listener serves SSH and TLS devices at once).
     */
    SshAuth toAuth(CommandIo io, boolean useKey) throws UsageException, IOException {
        if (user == null) {
            throw new UsageException("-u/--user USER is required for SSH (TLS logs in with --cert and --key "
                    + "instead)");
        }
        List<KeyPair> keys = new ArrayList<>();
        if (key != null && useKey) {
            if (!Files.isReadable(key)) {
                throw new UsageException("cannot read key file " + key);
            }
            char[] pp = keyPassphrase(io);
            try {
                keys.addAll(SshAuth.loadKeys(key, pp));
            } catch (AuthenticationException e) {
                throw new UsageException(e.getMessage()
                        + (pp == null ? " (if the key is encrypted, give --passphrase)" : ""), e);
            } finally {
                if (pp != null) {
                    Arrays.fill(pp, '\0');
                }
            }
        }
        Optional<char[]> pw = password != null
                ? Optional.of(secret(io, password, "Password for " + user + ": "))
                : io.env(PASSWORD_ENV).map(String::toCharArray);
        if (pw.isEmpty() && keys.isEmpty()) {
            throw new UsageException("no credentials: give -p/--password (without a value to be asked), --key FILE, "
                    + "or set " + PASSWORD_ENV);
        }
        if (pw.isEmpty()) {
            return SshAuth.keys(user, keys);
        }
        SshAuth withPassword = SshAuth.password(user, pw.get());
        Arrays.fill(pw.get(), '\0');
        if (keys.isEmpty()) {
            return withPassword;
        }
        SshAuth both = withPassword.withKeys(keys);
        withPassword.destroy();
        return both;
    }

    private static char[] secret(CommandIo io, String given, String prompt) throws UsageException, IOException {
        if (!PROMPT.equals(given)) {
            return given.toCharArray();
        }
        return io.readSecret(prompt).orElseThrow(() -> new UsageException(
                "no input for '" + prompt.strip() + "' (standard input is closed)"));
    }
}
