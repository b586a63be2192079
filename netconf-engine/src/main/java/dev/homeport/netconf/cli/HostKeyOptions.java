package dev.homeport.netconf.cli;

import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import picocli.CommandLine.Option;

/**
 * {@code [--accept-new-hostkey] [--known-hosts FILE]}: which device keys are trusted. Default: the user's
 * {@code ~/.ssh/known_hosts}, read-only and strict. With {@code --known-hosts FILE} that file instead; with
 * {@code --accept-new-hostkey} unknown keys are trusted too, and appended to FILE when one is given (for this run
 * only otherwise). A changed key is always refused.
 */
public final class HostKeyOptions {
    @Option(names = "--accept-new-hostkey",
            description = "Trust a device whose host key is not known yet (appended to --known-hosts FILE if given). "
                    + "A changed key is still refused.")
    boolean acceptNew;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "OpenSSH known_hosts file of trusted device keys (default ~/.ssh/known_hosts, read-only).")
    Path knownHosts;

    /** The host-key options given, by name: they are refused over TLS. */
    java.util.List<String> given() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (knownHosts != null) {
            out.add("--known-hosts");
        }
        if (acceptNew) {
            out.add("--accept-new-hostkey");
        }
        return out;
    }

    KnownHosts store(CommandIo io) throws IOException {
        KnownHosts.Policy policy = acceptNew ? KnownHosts.Policy.ACCEPT_NEW : KnownHosts.Policy.STRICT;
        return knownHosts != null ? KnownHosts.file(knownHosts, policy)
                : KnownHosts.readOnly(defaultFile(io), policy);
    }

    /** {@code $HOME/.ssh/known_hosts}, as OpenSSH finds it. */
    static Path defaultFile(CommandIo io) {
        return io.env("HOME").map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home")))
                .resolve(".ssh").resolve("known_hosts");
    }

    /** One line for the user after a new key was trusted. */
    static String trustedNew(KnownHosts store, String where, PublicKey key) {
        return trustedNew(store, where, HostKeys.type(key), HostKeys.fingerprint(key));
    }

    static String trustedNew(KnownHosts store, String where, String keyType, String fingerprint) {
        return "trusted new host key " + keyType + " " + fingerprint + " of " + where
                + store.path().filter(p -> store.recordsNewKeys()).map(p -> " (recorded in " + p + ")")
                .orElse(" (for this run only; --known-hosts FILE records it)");
    }

    /** What to do about an unknown key: how to check and trust it. */
    static String unknownKeyHint(PublicKey key) {
        return unknownKeyHint(HostKeys.type(key), HostKeys.fingerprint(key));
    }

    static String unknownKeyHint(String keyType, String fingerprint) {
        return "the device's host key fingerprint is " + fingerprint + " (" + keyType + "). If it matches the "
                + "device's key (e.g. 'ssh-keygen -lf' of its public host key), run again "
                + "with --accept-new-hostkey, and add --known-hosts ~/.ssh/known_hosts to remember it.";
    }
}
