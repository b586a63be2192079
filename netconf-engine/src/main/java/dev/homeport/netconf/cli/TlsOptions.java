package dev.homeport.netconf.cli;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.transport.tls.Certificates;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import dev.homeport.netconf.transport.tls.ServerTrust;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * NETCONF over TLS (RFC 7589): the client certificate ({@code --cert}, with the private key of {@code --key}) and how
 * the device's certificate is trusted: by a CA ({@code --ca}), by fingerprint ({@code --pin}), or remembered in a
 * file ({@code --known-certs}, with {@code --accept-new-cert} to learn new ones), as host keys are for SSH.
 */
public final class TlsOptions {
    @Option(names = "--cert", paramLabel = "FILE",
            description = "TLS: client certificate (PEM; the chain may follow it). Its private key is --key.")
    Path cert;

    @Option(names = "--key-password-env", paramLabel = "VAR",
            description = "TLS: environment variable holding the password of an encrypted --key "
                    + "(or give --passphrase).")
    String keyPasswordEnv;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "TLS: trust device certificates issued by these CA certificates (PEM) that name the host.")
    Path ca;

    @Option(names = "--pin", paramLabel = "FINGERPRINT",
            description = "TLS: trust exactly the device certificate with this SHA-256 fingerprint (SHA256:base64, "
                    + "or the hex that 'openssl x509 -fingerprint -sha256' prints); may be repeated.")
    List<String> pins = new ArrayList<>();

    @Option(names = "--known-certs", paramLabel = "FILE",
            description = "TLS: file of trusted device certificates (HOST SHA256:... per line); "
                    + "a changed certificate is refused.")
    Path knownCerts;

    @Option(names = "--accept-new-cert",
            description = "TLS: trust a device certificate that is not known yet (recorded in --known-certs FILE if "
                    + "given, else for this run only). A changed certificate is still refused.")
    boolean acceptNewCert;

    /** The TLS options given, by name: they are refused when the transport is SSH. */
    List<String> given() {
        List<String> out = new ArrayList<>();
        if (cert != null) {
            out.add("--cert");
        }
        if (keyPasswordEnv != null) {
            out.add("--key-password-env");
        }
        if (ca != null) {
            out.add("--ca");
        }
        if (!pins.isEmpty()) {
            out.add("--pin");
        }
        if (knownCerts != null) {
            out.add("--known-certs");
        }
        if (acceptNewCert) {
            out.add("--accept-new-cert");
        }
        return out;
    }

    /** "--known-hosts is for SSH", "-u/--user, -p/--password are for SSH". */
    static String areFor(List<String> options, String what) {
        return String.join(", ", options) + (options.size() == 1 ? " is" : " are") + " for " + what;
    }

    /** "--cert goes with --tls", "--cert, --ca go with --tls". */
    static String goWith(List<String> options, String what) {
        return String.join(", ", options) + (options.size() == 1 ? " goes" : " go") + " with " + what;
    }

    /** The client certificate and key; the key file's password comes from --key-password-env or --passphrase. */
    TlsIdentity identity(CommandIo io, CredentialOptions credentials) throws UsageException, IOException {
        if (cert == null || credentials.key == null) {
            throw new UsageException("TLS needs the client certificate and its private key: --cert FILE --key FILE "
                    + "(RFC 7589: the device knows you by your certificate)");
        }
        for (Path f : List.of(cert, credentials.key)) {
            if (!Files.isReadable(f)) {
                throw new UsageException("cannot read " + (f == cert ? "--cert " : "--key ") + f);
            }
        }
        char[] password = null;
        if (keyPasswordEnv != null) {
            password = io.env(keyPasswordEnv).map(String::toCharArray).orElseThrow(() -> new UsageException(
                    "--key-password-env " + keyPasswordEnv + ": that environment variable is not set"));
        } else {
            password = credentials.keyPassphrase(io);
        }
        try {
            return TlsIdentity.fromPem(cert, credentials.key, password);
        } catch (AuthenticationException e) {
            throw new UsageException(e.getMessage() + (password == null && e.getMessage().contains("encrypted")
                    ? " (give --key-password-env VAR or --passphrase)" : ""), e);
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    /** Exactly one way to trust the device: --ca, --pin, or --known-certs and/or --accept-new-cert. */
    private void checkOneTrust() throws UsageException {
        int ways = (ca != null ? 1 : 0) + (pins.isEmpty() ? 0 : 1) + (knownCerts != null || acceptNewCert ? 1 : 0);
        if (ways == 0) {
            throw new UsageException("TLS needs a way to trust the device's certificate: --ca FILE, "
                    + "--pin SHA256:..., or --known-certs FILE (with --accept-new-cert to learn new devices)");
        }
        if (ways > 1) {
            throw new UsageException("--ca, --pin and --known-certs/--accept-new-cert exclude each other: "
                    + "give one way to trust the device's certificate");
        }
    }

    /** How {@code connect --tls} checks the device's certificate. */
    ServerTrust serverTrust() throws UsageException, IOException {
        checkOneTrust();
        if (ca != null) {
            try {
                return ServerTrust.authoritiesFromPem(ca);
            } catch (IOException e) {
                throw new UsageException("--ca: " + e.getMessage(), e);
            }
        }
        if (!pins.isEmpty()) {
            return ServerTrust.pinned(normalizedPins());
        }
        return knownCertificates();
    }

    /**
     * Call-home devices are known by their certificate fingerprint (their address means nothing): --pin, or
     * --known-certs/--accept-new-cert. The store holds the file's certificates (in memory only for --pin).
     */
    KnownCertificates callHomeStore() throws UsageException, IOException {
        checkOneTrust();
        if (ca != null) {
            throw new UsageException("--ca does not apply to call home: devices that call are trusted by their "
                    + "certificate's fingerprint; use --pin SHA256:... or --known-certs FILE [--accept-new-cert]");
        }
        if (!pins.isEmpty()) {
            normalizedPins();
            return KnownCertificates.inMemory(KnownCertificates.Policy.STRICT);
        }
        return knownCertificates();
    }

    /** --pin values in their canonical {@code SHA256:base64} form; a malformed one is a usage error. */
    List<String> normalizedPins() throws UsageException {
        List<String> out = new ArrayList<>();
        for (String p : pins) {
            try {
                out.add(Certificates.normalizeFingerprint(p));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--pin: " + e.getMessage());
            }
        }
        return out;
    }

    private KnownCertificates knownCertificates() throws IOException {
        KnownCertificates.Policy policy = acceptNewCert ? KnownCertificates.Policy.ACCEPT_NEW
                : KnownCertificates.Policy.STRICT;
        return knownCerts != null ? KnownCertificates.file(knownCerts, policy) : KnownCertificates.inMemory(policy);
    }

    /** One line for the user after a new certificate was trusted. */
    static String trustedNew(KnownCertificates store, String where, String fingerprint, String subject) {
        return "trusted new certificate " + fingerprint + " (" + subject + ") of " + where
                + store.path().map(p -> " (recorded in " + p + ")")
                .orElse(" (for this run only; --known-certs FILE records it)");
    }

    /** What to do about an unknown certificate: how to check and trust it. */
    static String unknownCertificateHint(String fingerprint, String subject) {
        return "the device's certificate is " + subject + " with fingerprint " + fingerprint + ". If it is the "
                + "device's certificate (check with 'openssl x509 -noout -fingerprint -sha256 -in CERT'), run again "
                + "with --pin " + fingerprint + ", or with --accept-new-cert and --known-certs FILE to remember it.";
    }

    static String unknownCertificateHint(X509Certificate certificate) {
        return unknownCertificateHint(Certificates.fingerprint(certificate),
                certificate.getSubjectX500Principal().getName());
    }
}
