package dev.homeport.browser.core;

import java.time.Instant;

/**
 * One row of the Devices view: a call-home device (identified by its host key or certificate fingerprint) or an
 * ordinary device the user connected to (identified by transport, host and port), live or remembered from an earlier
 * run.
 *
 * @param id          how the browser names it: the fingerprint for call home, {@code ssh://host:port} otherwise
 * @param address     where it called from, or where it is reached ({@code host:port})
 * @param keyType     {@code ecdsa-sha2-nistp256}, {@code X.509 EC}...; empty when not known yet
 * @param fingerprint of its host key or certificate; empty when not known yet
 * @param note        why it is blocked, or the last error
 * @param user        the login of an ordinary device (its password is in a profile or asked for)
 * @param profile     the saved credential profile it logs in with; empty for the listener's login
 */
public record DeviceEntry(String id, Kind kind, Transport transport, State state, String address, String keyType,
                          String fingerprint, Instant firstSeen, String note, String host, int port, String user,
                          String profile) {
    public enum Kind { CALL_HOME, DIRECT }

    /** How the note of an ordinary device that could not be connected starts. */
    public static final String CONNECT_FAILED = "connect failed: ";

    public enum Transport { SSH, TLS }

    public enum State { PENDING, CONNECTING, CONNECTED, OFFLINE, REFUSED }

    public DeviceEntry {
        note = note == null ? "" : note;
        keyType = keyType == null ? "" : keyType;
        fingerprint = fingerprint == null ? "" : fingerprint;
        host = host == null ? "" : host;
        user = user == null ? "" : user;
        profile = profile == null ? "" : profile;
        address = address == null ? "" : address;
    }

    public static String directId(Transport transport, String host, int port) {
        return transport.name().toLowerCase(java.util.Locale.ROOT) + "://" + host + ":" + port;
    }

    public DeviceEntry withState(State s, String why) {
        return new DeviceEntry(id, kind, transport, s, address, keyType, fingerprint, firstSeen, why, host, port, user,
                profile);
    }

    public DeviceEntry withProfile(String p) {
        return new DeviceEntry(id, kind, transport, state, address, keyType, fingerprint, firstSeen, note, host, port,
                user, p);
    }

    /** What the Devices view shows in its State column. */
    public String stateText() {
        return switch (state) {
            case PENDING -> "waiting for approval";
            case CONNECTING -> "connecting";
            case CONNECTED -> "connected";
            case OFFLINE -> kind == Kind.DIRECT && note.startsWith(CONNECT_FAILED) ? "connect failed" : "known, offline";
            case REFUSED -> "blocked";
        };
    }

    /** The Host key column: key type and fingerprint (TLS: certificate). */
    public String identityText() {
        return fingerprint.isEmpty() ? "" : (keyType.isEmpty() ? "" : keyType + " ") + fingerprint;
    }
}
